package dev.weir.result;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultStoreTest {

    record Row(String name, int count) {}

    interface Signatures {
        List<Row> rows();
    }

    private static final Instant NOW = Instant.parse("2024-06-01T12:00:00Z");

    @TempDir
    Path root;

    private final AtomicReference<Instant> now = new AtomicReference<>(NOW);
    private final RecordingLogger log = new RecordingLogger();
    private ResultStore store;

    @BeforeEach
    void createStore() {
        InstantSource clock = now::get;
        store = ResultStore.create(ResultStorage.localFileSystem(root), clock, log);
    }

    @Test
    void writesAndReadsGenericListsWithTheirMetadata() throws Exception {
        Type declared = Signatures.class.getMethod("rows").getGenericReturnType();
        List<Row> rows = List.of(new Row("a", 1), new Row("b", 2));

        ResultRecord written = store.write("task/abc", rows, declared, ResultSerializers.json(), Optional.empty());

        assertThat(store.read("task/abc")).contains(rows);
        assertThat(store.readRecord("task/abc")).contains(written);
        ResultMetadata metadata = written.metadata();
        assertThat(metadata.serializer()).isEqualTo("json");
        assertThat(metadata.storageKey()).isEqualTo("task/abc");
        assertThat(metadata.createdAt()).isEqualTo(NOW);
        assertThat(metadata.expiration()).isEmpty();
        assertThat(metadata.valueType()).isEqualTo("java.util.List<dev.weir.result.ResultStoreTest$Row>");
        assertThat(metadata.checksum()).hasSize(64).isEqualTo(RecordCodec.sha256(written.value()));
        assertThat(log.warnings).isEmpty();
    }

    @Test
    void storesJsonValuesAsEmbeddedJsonAndOtherValuesAsBase64() throws IOException {
        store.write("as-json", new Row("a", 1), Row.class);
        store.write("as-java", "text", String.class, ResultSerializers.named("java"), Optional.empty());

        JsonNode json = new ObjectMapper().readTree(root.resolve("as-json").toFile());
        JsonNode java = new ObjectMapper().readTree(root.resolve("as-java").toFile());

        assertThat(json.get("value").get("value").get("name").asText()).isEqualTo("a");
        assertThat(json.get("metadata").get("serializer").asText()).isEqualTo("json");
        assertThat(java.get("value").isTextual()).isTrue();
        assertThat(store.read("as-java")).contains("text");
    }

    @Test
    void aRecordPastItsExpirationIsAMissWithoutWarning() {
        store.write("k", "v", String.class, ResultSerializers.json(), Optional.of(NOW.plus(Duration.ofHours(1))));

        assertThat(store.isValid("k")).isTrue();
        now.set(NOW.plus(Duration.ofHours(1)));

        assertThat(store.read("k")).isEmpty();
        assertThat(store.isValid("k")).isFalse();
        assertThat(log.warnings).isEmpty();
    }

    @Test
    void aMissingRecordIsAMissWithoutWarning() {
        assertThat(store.read("absent")).isEmpty();
        assertThat(store.readRecord("absent")).isEmpty();
        assertThat(log.warnings).isEmpty();
    }

    @Test
    void aTruncatedRecordIsAMissWithOneWarningNamingTheKey() throws IOException {
        store.write("k", List.of(new Row("a", 1), new Row("b", 2)), Object.class);
        Path file = root.resolve("k");
        byte[] bytes = Files.readAllBytes(file);

        for (int length : new int[] {0, 1, bytes.length / 2, bytes.length - 1}) {
            Files.write(file, Arrays.copyOf(bytes, length));
            log.warnings.clear();

            assertThat(store.read("k")).isEmpty();
            assertThat(log.warnings).singleElement().asString().contains("'k'").contains("cache miss");
        }
    }

    @Test
    void aRecordWhoseValueNoLongerMatchesItsChecksumIsAMissWithOneWarning() throws IOException {
        store.write("k", new Row("alice", 1), Row.class);
        Path file = root.resolve("k");
        String tampered = Files.readString(file).replace("alice", "mallo");
        Files.writeString(file, tampered);

        assertThat(store.read("k")).isEmpty();
        assertThat(store.isValid("k")).isFalse();
        assertThat(log.warnings).hasSize(2).allSatisfy(w -> assertThat(w).contains("checksum mismatch"));
    }

    @Test
    void garbageAndValuesThatCannotBeDeserializedAreMissesNotExceptions() throws IOException {
        Files.write(root.resolve("garbage"), new byte[] {(byte) 0xC3, 0x28, 0x00, 0x7B});
        byte[] envelope = "{\"type\":\"com.example.Gone\",\"value\":{}}".getBytes(StandardCharsets.UTF_8);
        String checksum = RecordCodec.sha256(envelope);
        Files.writeString(root.resolve("gone"), "{\"metadata\":{\"serializer\":\"json\",\"storageKey\":\"gone\","
                + "\"expiration\":null,\"createdAt\":\"2024-01-01T00:00:00Z\",\"weirVersion\":\"x\",\"checksum\":\""
                + checksum + "\",\"valueType\":\"com.example.Gone\"},\"value\":" + new String(envelope, StandardCharsets.UTF_8) + "}");

        assertThat(store.read("garbage")).isEmpty();
        assertThat(store.isValid("gone")).isTrue();
        assertThat(store.read("gone")).isEmpty();
        assertThat(log.warnings).hasSize(2);
        assertThat(log.warnings.get(1)).contains("'gone'").contains("com.example.Gone");
    }

    @Test
    void aStoredNullReadsAsEmptyButItsRecordIsPresent() {
        store.write("null", null, Object.class);

        assertThat(store.read("null")).isEmpty();
        assertThat(store.readRecord("null")).hasValueSatisfying(r -> assertThat(store.value(r)).isNull());
    }

    @Test
    void roundTripsByteArraysThroughCompressedSerializers() {
        byte[] bytes = new byte[10_000];
        Arrays.fill(bytes, (byte) 7);

        store.write("bytes", bytes, byte[].class, ResultSerializers.named("compressed/json"), Optional.empty());
        store.write("bytes-java", bytes, byte[].class, ResultSerializers.named("compressed/java"), Optional.empty());

        assertThat(store.read("bytes")).hasValueSatisfying(v -> assertThat((byte[]) v).isEqualTo(bytes));
        assertThat(store.read("bytes-java")).hasValueSatisfying(v -> assertThat((byte[]) v).isEqualTo(bytes));
    }
}
