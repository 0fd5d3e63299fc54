package dev.weir.result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonResultSerializerTest {

    record Row(String name, int count, Instant at) {}

    record Nested(Row row, List<Row> rows, Map<String, Row> byName) {}

    enum Color { RED, GREEN }

    /** Declares generic return types for the tests, the way a task method would. */
    interface Signatures {
        List<Row> rows();

        Map<String, Row> rowsByName();

        int count();
    }

    private final ResultSerializer json = ResultSerializers.json();

    @Test
    void roundTripsRecords() {
        Row row = new Row("a", 3, Instant.parse("2024-03-01T10:15:30.123456789Z"));

        assertThat(json.deserialize(json.serialize(row))).isEqualTo(row);
    }

    @Test
    void roundTripsGenericListsOfRecordsWhenTheDeclaredTypeIsGiven() throws Exception {
        List<Row> rows = new ArrayList<>(List.of(new Row("a", 1, Instant.EPOCH), new Row("b", 2, Instant.EPOCH)));
        Type declared = Signatures.class.getMethod("rows").getGenericReturnType();

        byte[] bytes = json.serialize(rows, declared);

        assertThat(new String(bytes, StandardCharsets.UTF_8))
                .startsWith("{\"type\":\"java.util.ArrayList<dev.weir.result.JsonResultSerializerTest$Row>\",\"value\":[");
        assertThat(json.deserialize(bytes)).isEqualTo(rows);
    }

    @Test
    void widensJdkInternalListsToListKeepingTheDeclaredElementType() throws Exception {
        List<Row> rows = List.of(new Row("a", 1, Instant.EPOCH));
        Type declared = Signatures.class.getMethod("rows").getGenericReturnType();

        Object read = json.deserialize(json.serialize(rows, declared));

        assertThat(read).isEqualTo(rows).isInstanceOf(ArrayList.class);
    }

    @Test
    void readsUndeclaredGenericElementsAsPlainMaps() {
        Object read = json.deserialize(json.serialize(new ArrayList<>(List.of(new Row("a", 1, Instant.EPOCH)))));

        assertThat(read).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
                .first().isInstanceOf(Map.class);
    }

    @Test
    void roundTripsMapsOfRecordsAndNestedRecords() throws Exception {
        Map<String, Row> byName = new LinkedHashMap<>();
        byName.put("a", new Row("a", 1, Instant.EPOCH));
        Type declared = Signatures.class.getMethod("rowsByName").getGenericReturnType();
        Nested nested = new Nested(byName.get("a"), List.of(byName.get("a")), byName);

        assertThat(json.deserialize(json.serialize(byName, declared))).isEqualTo(byName);
        assertThat(json.deserialize(json.serialize(nested))).isEqualTo(nested);
    }

    @Test
    void roundTripsUntypedMaps() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("text", "x");
        map.put("number", 42);
        map.put("list", List.of(1, 2));
        map.put("none", null);

        assertThat(json.deserialize(json.serialize(map))).isEqualTo(map);
    }

    @Test
    void roundTripsJavaTimeValues() {
        ZonedDateTime zoned = ZonedDateTime.of(2024, 3, 31, 2, 30, 0, 0, ZoneId.of("Europe/Paris"));

        assertThat(json.deserialize(json.serialize(LocalDate.of(2024, 2, 29)))).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(json.deserialize(json.serialize(Duration.ofMillis(1500)))).isEqualTo(Duration.ofMillis(1500));
        assertThat((ZonedDateTime) json.deserialize(json.serialize(zoned))).isEqualTo(zoned.withZoneSameInstant(ZoneId.of("UTC")));
    }

    @Test
    void roundTripsByteArraysPrimitivesEnumsAndNull() throws Exception {
        byte[] bytes = {0, 1, 2, (byte) 255};

        assertThat((byte[]) json.deserialize(json.serialize(bytes))).containsExactly(bytes);
        assertThat(json.deserialize(json.serialize(7, Signatures.class.getMethod("count").getGenericReturnType())))
                .isEqualTo(7);
        assertThat(json.deserialize(json.serialize(2.5d))).isEqualTo(2.5d);
        assertThat(json.deserialize(json.serialize(Color.GREEN))).isEqualTo(Color.GREEN);
        assertThat(json.deserialize(json.serialize(null))).isNull();
    }

    @Test
    void failsOnAValueJacksonCannotWriteNamingItsType() {
        Object noProperties = new NoProperties();

        assertThatThrownBy(() -> json.serialize(noProperties))
                .isInstanceOf(ResultSerializationException.class)
                .hasMessageContaining(NoProperties.class.getName())
                .hasMessageContaining("'java'");
    }

    @Test
    void refusesToInstantiateTypesThatAreNotPlainData() {
        byte[] envelope = "{\"type\":\"java.lang.ProcessBuilder\",\"value\":{}}".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> json.deserialize(envelope))
                .isInstanceOf(ResultSerializationException.class)
                .hasMessageContaining("Refusing")
                .hasMessageContaining("java.lang.ProcessBuilder");
    }

    @Test
    void refusesResourcesHiddenInsideGenericArguments() {
        byte[] envelope = "{\"type\":\"java.util.ArrayList<java.io.FileOutputStream>\",\"value\":[]}"
                .getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> json.deserialize(envelope)).hasMessageContaining("java.io.FileOutputStream");
    }

    @Test
    void namesAMissingClassWhenReading() {
        byte[] envelope = "{\"type\":\"com.example.Gone\",\"value\":{}}".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> json.deserialize(envelope))
                .isInstanceOf(ResultSerializationException.class)
                .hasMessageContaining("com.example.Gone");
    }

    static final class NoProperties {}
}
