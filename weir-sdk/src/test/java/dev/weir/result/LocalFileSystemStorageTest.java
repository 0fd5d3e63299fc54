package dev.weir.result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LocalFileSystemStorageTest {

    @TempDir
    Path root;

    @Test
    void writesReadsChecksAndDeletesByKeyIncludingSubFolders() {
        ResultStorage storage = ResultStorage.localFileSystem(root);

        storage.write("flows/run-1/result.json", new byte[] {1, 2, 3});

        assertThat(storage.read("flows/run-1/result.json")).hasValueSatisfying(b -> assertThat(b).containsExactly(1, 2, 3));
        assertThat(storage.exists("flows/run-1/result.json")).isTrue();
        assertThat(root.resolve("flows/run-1/result.json")).exists();
        storage.delete("flows/run-1/result.json");
        assertThat(storage.exists("flows/run-1/result.json")).isFalse();
        assertThat(storage.read("flows/run-1/result.json")).isEmpty();
        storage.delete("flows/run-1/result.json");
    }

    @Test
    void overwritesAndLeavesNoTemporaryFiles() throws IOException {
        ResultStorage storage = ResultStorage.localFileSystem(root);

        for (int i = 0; i < 20; i++) {
            storage.write("key", new byte[] {(byte) i});
        }

        assertThat(storage.read("key")).hasValueSatisfying(b -> assertThat(b).containsExactly(19));
        try (Stream<Path> files = Files.list(root)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("key");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "..", "../escape", "a/../../b", "/etc/passwd", "a//b", "a/", ".hidden", "a b",
            "a\\b", "C:x", "key?", "ü"})
    void rejectsKeysThatBreakTheRuleNamingKeyAndRule(String key) {
        ResultStorage storage = ResultStorage.localFileSystem(root);

        assertThatThrownBy(() -> storage.write(key, new byte[0]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + key + "'")
                .hasMessageContaining("[A-Za-z0-9._-]");
    }

    @Test
    void aConcurrentReaderNeverSeesAPartiallyWrittenFile() throws Exception {
        ResultStorage storage = ResultStorage.localFileSystem(root);
        storage.write("big", payload(0));
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicInteger reads = new AtomicInteger();
        CompletableFuture<Void> reader = CompletableFuture.runAsync(() -> {
            while (writing.get() || reads.get() < 50) {
                byte[] read = storage.read("big").orElseThrow();
                assertThat(read).hasSize(1 << 20);
                assertThat(Arrays.copyOfRange(read, 0, 32)).isEqualTo(sha256(Arrays.copyOfRange(read, 32, read.length)));
                reads.incrementAndGet();
            }
        });

        for (int i = 1; i <= 60; i++) {
            storage.write("big", payload(i));
        }
        writing.set(false);

        reader.get();
        assertThat(reads.get()).isGreaterThanOrEqualTo(50);
    }

    @Test
    void defaultRootIsStorageBelowWeirHomeOrBelowDotWeirInTheHomeFolder() {
        Path home = Path.of("/home/ada");

        assertThat(ResultStorage.defaultRoot(Map.of(), home)).isEqualTo(Path.of("/home/ada/.weir/storage"));
        assertThat(ResultStorage.defaultRoot(Map.of("WEIR_HOME", "/srv/weir"), home)).isEqualTo(Path.of("/srv/weir/storage"));
        assertThat(ResultStorage.defaultRoot(Map.of("WEIR_HOME", "~/w"), home)).isEqualTo(Path.of("/home/ada/w/storage"));
        assertThat(ResultStorage.defaultRoot().getFileName()).hasToString("storage");
    }

    /** A 1 MiB payload: the SHA-256 of the rest, then bytes that differ with the seed. */
    private static byte[] payload(int seed) {
        byte[] rest = new byte[(1 << 20) - 32];
        Arrays.fill(rest, (byte) seed);
        rest[seed % rest.length] = (byte) (seed * 31 + 7);
        byte[] all = new byte[1 << 20];
        System.arraycopy(sha256(rest), 0, all, 0, 32);
        System.arraycopy(rest, 0, all, 32, rest.length);
        return all;
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "a/b/c", "A-z_0.9", "x.y..z", "0123456789abcdef"})
    void acceptsKeysMadeOfTheAllowedCharacters(String key) {
        ResultStorage storage = ResultStorage.localFileSystem(root);

        storage.write(key, new byte[] {42});

        assertThat(storage.read(key)).hasValueSatisfying(b -> assertThat(b).containsExactly(42));
    }
}
