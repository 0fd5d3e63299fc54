package dev.weir.result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResultSerializersTest {

    record Point(int x, int y, Instant at) implements Serializable {}

    @Test
    void findsEachBuiltInByItsName() {
        for (String name : List.of("json", "compressed/json", "java", "compressed/java")) {
            assertThat(ResultSerializers.named(name).name()).isEqualTo(name);
        }
        assertThat(ResultSerializers.json().name()).isEqualTo("json");
    }

    @Test
    void roundTripsThroughCompressedJsonAndCompressesRepetitiveValues() {
        List<String> repetitive = new ArrayList<>(Collections.nCopies(1000, "the same line of text"));
        ResultSerializer compressed = ResultSerializers.named("compressed/json");

        byte[] bytes = compressed.serialize(repetitive);

        assertThat(bytes.length).isLessThan(ResultSerializers.json().serialize(repetitive).length / 10);
        assertThat(compressed.deserialize(bytes)).isEqualTo(repetitive);
    }

    @Test
    void roundTripsSerializableValuesThroughJavaAndCompressedJava() {
        Point point = new Point(1, 2, Instant.parse("2024-01-01T00:00:00Z"));

        for (String name : List.of("java", "compressed/java")) {
            ResultSerializer serializer = ResultSerializers.named(name);
            assertThat(serializer.deserialize(serializer.serialize(point))).isEqualTo(point);
        }
    }

    @Test
    void javaSerializationIsUsedOnlyWhenAskedForByName() {
        assertThatThrownBy(() -> ResultSerializers.json().serialize(new Object()))
                .isInstanceOf(ResultSerializationException.class);
        assertThat(ResultSerializers.named("java").serialize(new ArrayList<>(List.of(1)))).isNotEmpty();
    }

    @Test
    void javaDeserializationRejectsClassesOutsideTheRecordedTypeGraph() throws IOException {
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(stream)) {
            out.writeObject(new Point(1, 2, Instant.EPOCH));
        }
        ByteArrayOutputStream tampered = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(tampered)) {
            out.writeInt(0x5745494A);
            out.writeInt(1);
            out.writeUTF("java.lang.String");
            stream.writeTo(out);
        }

        assertThatThrownBy(() -> ResultSerializers.named("java").deserialize(tampered.toByteArray()))
                .isInstanceOf(ResultSerializationException.class)
                .hasMessageContaining("REJECTED");
    }

    @Test
    void javaSerializationOfANonSerializableValueNamesTheType() {
        assertThatThrownBy(() -> ResultSerializers.named("java").serialize(new Object()))
                .isInstanceOf(ResultSerializationException.class)
                .hasMessageContaining("java.lang.Object")
                .hasMessageContaining("'json'");
    }

    @Test
    void anUnknownNameFailsListingTheAcceptedNames() {
        assertThatThrownBy(() -> ResultSerializers.named("pickle"))
                .isInstanceOf(ResultSerializationException.class)
                .hasMessageContaining("'pickle'")
                .hasMessageContaining("json, compressed/json, java, compressed/java")
                .hasMessageContaining("upper-case");
    }

    @Test
    void findsCustomSerializersRegisteredThroughServiceLoaderAlsoCompressed() {
        ResultSerializer custom = ResultSerializers.named("upper-case");
        ResultSerializer compressed = ResultSerializers.named("compressed/upper-case");

        assertThat(custom).isInstanceOf(UpperCaseSerializer.class);
        assertThat(custom.deserialize(custom.serialize("hello"))).isEqualTo("HELLO");
        assertThat(compressed.deserialize(compressed.serialize("hello"))).isEqualTo("HELLO");
        assertThat(ResultSerializers.names()).contains("upper-case");
    }
}
