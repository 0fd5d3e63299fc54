package dev.weir.result;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.Type;

/**
 * The default serializer: Jackson JSON in an envelope that keeps the value's Java type.
 *
 * <p>The bytes are {@code {"type":"java.util.ArrayList<com.acme.Row>","value":[...]}}, where the type
 * is Jackson's canonical type string ({@link JavaType#toCanonical()}), chosen by {@link
 * EnvelopeTypes} from the runtime class and the declared type. Polymorphic default typing is never
 * enabled: the only type taken from the bytes is the envelope's, and {@link PlainDataTypes} refuses
 * it unless it is plain data. Thread safe.
 */
final class JsonResultSerializer implements ResultSerializer {

    static final String NAME = "json";

    private final ObjectMapper mapper = ResultJson.mapper();

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public byte[] serialize(Object value) {
        return serialize(value, Object.class);
    }

    @Override
    public byte[] serialize(Object value, Type declaredType) {
        JavaType type = EnvelopeTypes.choose(mapper.getTypeFactory(), declaredType, value);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator generator = mapper.createGenerator(out)) {
            generator.writeStartObject();
            generator.writeStringField("type", type.toCanonical());
            generator.writeFieldName("value");
            mapper.writerFor(type).writeValue(generator, value);
            generator.writeEndObject();
        } catch (IOException | RuntimeException e) {
            throw ResultSerializationException.cannotWrite(NAME, value, e);
        }
        return out.toByteArray();
    }

    @Override
    public Object deserialize(byte[] bytes) {
        try (JsonParser parser = mapper.createParser(bytes)) {
            expect(parser.nextToken() == JsonToken.START_OBJECT, "an object");
            expect("type".equals(parser.nextFieldName()), "the field \"type\" first");
            expect(parser.nextToken() == JsonToken.VALUE_STRING, "a type name");
            JavaType type = PlainDataTypes.resolve(mapper.getTypeFactory(), parser.getText());
            expect("value".equals(parser.nextFieldName()), "the field \"value\" second");
            Object value = parser.nextToken() == JsonToken.VALUE_NULL
                    ? null
                    : mapper.readerFor(type).readValue(parser);
            expect(parser.nextToken() == JsonToken.END_OBJECT, "the end of the envelope");
            expect(parser.nextToken() == null, "nothing after the envelope");
            return value;
        } catch (IOException | RuntimeException e) {
            if (e instanceof ResultSerializationException r) {
                throw r;
            }
            throw new ResultSerializationException(
                    "Cannot read a 'json' result: " + e.getMessage(), e);
        }
    }

    private static void expect(boolean condition, String what) {
        if (!condition) {
            throw new ResultSerializationException(
                    "Not a 'json' result envelope: expected " + what
                            + " as in {\"type\":\"java.lang.String\",\"value\":\"...\"}");
        }
    }
}
