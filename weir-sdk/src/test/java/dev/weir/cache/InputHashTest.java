package dev.weir.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class InputHashTest {

    record Order(String id, LocalDate day, List<String> items) {}

    record Upload(String name, InputStream content) {}

    @Test
    void isTheSha256OfAKnownCanonicalJsonForAFixedInput() throws Exception {
        Map<String, Object> arguments = new LinkedHashMap<>();
        arguments.put("order", new Order("o-1", LocalDate.of(2024, 3, 1), List.of("x", "y")));
        arguments.put("at", Instant.parse("2024-03-01T10:15:30Z"));
        arguments.put("limit", 10);
        arguments.put("ratio", 0.1);
        arguments.put("payload", new byte[] {1, 2, 3});
        arguments.put("options", Map.of("z", true, "a", "b"));
        arguments.put("none", null);
        String canonical = "{\"at\":\"2024-03-01T10:15:30Z\",\"limit\":10,\"none\":null,"
                + "\"options\":{\"a\":\"b\",\"z\":true},"
                + "\"order\":{\"day\":\"2024-03-01\",\"id\":\"o-1\",\"items\":[\"x\",\"y\"]},"
                + "\"payload\":\"AQID\",\"ratio\":0.1}";

        String hash = InputHash.of(arguments).orElseThrow();

        assertThat(hash).isEqualTo(HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8))));
        assertThat(hash).isEqualTo("4df9ae0afae5e364b98afa422e3ee6f6c5c4da7f9c74b43f671998ce77508035");
    }

    @Test
    void isTheSameForEqualInputsWhateverTheMapInsertionOrder() {
        Map<String, Object> first = new LinkedHashMap<>();
        first.put("b", Map.of("y", 2, "x", 1));
        first.put("a", 1);
        Map<String, Object> second = new TreeMap<>();
        second.put("a", 1);
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("x", 1);
        inner.put("y", 2);
        second.put("b", inner);

        assertThat(InputHash.of(first)).isEqualTo(InputHash.of(second)).isPresent();
    }

    @Test
    void isTheSameForEqualSetsWhateverTheirIterationOrder() {
        Set<String> small = new HashSet<>(List.of("gamma", "alpha", "beta"));
        Set<String> other = new LinkedHashSet<>(List.of("beta", "gamma", "alpha"));

        assertThat(InputHash.of(Map.of("tags", small))).isEqualTo(InputHash.of(Map.of("tags", other)));
    }

    @Test
    void differsForDifferentInputsAndDifferentNames() {
        String base = InputHash.of(Map.of("a", 1)).orElseThrow();

        assertThat(InputHash.of(Map.of("a", 2))).isNotEqualTo(InputHash.of(Map.of("a", 1)));
        assertThat(InputHash.of(Map.of("b", 1))).isNotEqualTo(java.util.Optional.of(base));
        assertThat(InputHash.of(Map.of("a", "1"))).isNotEqualTo(java.util.Optional.of(base));
        assertThat(InputHash.of(Map.of())).isNotEqualTo(java.util.Optional.of(base));
    }

    @Test
    void hashesTheContentOfByteArrays() {
        byte[] first = {1, 2, 3};
        byte[] equalContent = {1, 2, 3};

        assertThat(InputHash.of(Map.of("data", first))).isEqualTo(InputHash.of(Map.of("data", equalContent)));
        assertThat(InputHash.of(Map.of("data", first))).isNotEqualTo(InputHash.of(Map.of("data", new byte[] {1, 2, 4})));
    }

    @Test
    void namesTheUnhashableArgumentAndWhy() {
        Map<String, Object> arguments = new HashMap<>();
        arguments.put("limit", 3);
        arguments.put("source", new ByteArrayInputStream(new byte[0]));

        HashResult result = InputHash.compute(arguments);

        assertThat(result).isInstanceOfSatisfying(HashResult.Unhashable.class, u -> {
            assertThat(u.argumentName()).isEqualTo("source");
            assertThat(u.reason()).contains("java.io.ByteArrayInputStream").contains("InputStream");
        });
        assertThat(InputHash.of(arguments)).isEmpty();
    }

    @Test
    void findsUnhashableValuesNestedInRecordsAndCollections() {
        Upload upload = new Upload("f", new ByteArrayInputStream(new byte[0]));

        assertThat(InputHash.compute(Map.of("a", 1, "upload", upload)))
                .isInstanceOfSatisfying(HashResult.Unhashable.class, u -> {
                    assertThat(u.argumentName()).isEqualTo("upload");
                    assertThat(u.reason()).contains("InputStream");
                });
        assertThat(InputHash.compute(Map.of("threads", List.of(Thread.currentThread()))))
                .isInstanceOf(HashResult.Unhashable.class);
    }

    @Test
    void refusesLambdasAndThreadsAndBeansWithoutProperties() {
        Function<Integer, Integer> twice = x -> x * 2;

        assertThat(InputHash.compute(Map.of("fn", twice)))
                .isInstanceOfSatisfying(HashResult.Unhashable.class, u -> assertThat(u.reason()).contains("lambda"));
        assertThat(InputHash.compute(Map.of("t", Thread.currentThread()))).isInstanceOf(HashResult.Unhashable.class);
        assertThat(InputHash.compute(Map.of("o", new Object()))).isInstanceOf(HashResult.Unhashable.class);
    }

    @Test
    void givesA64DigitHexHash() {
        assertThat(InputHash.compute(Map.of("a", List.of(1, 2))))
                .isInstanceOfSatisfying(HashResult.Hashed.class, h -> assertThat(h.hex()).matches("[0-9a-f]{64}"));
    }
}
