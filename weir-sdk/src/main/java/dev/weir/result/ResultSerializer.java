package dev.weir.result;

import java.lang.reflect.Type;

/**
 * Turns a task's return value into bytes and back; the service interface for custom serializers.
 *
 * <p>Built-ins and custom serializers are found by {@link #name()} through {@link
 * ResultSerializers#named(String)}. A custom serializer is a public class with a public no-argument
 * constructor, listed in {@code META-INF/services/dev.weir.result.ResultSerializer}; the name is
 * stored in each result record, so a record is read back with the serializer that wrote it.
 * Implementations must be thread safe.
 */
public interface ResultSerializer {

    /** The name stored in result records and accepted by {@link ResultSerializers#named(String)}. */
    String name();

    /**
     * Serializes a value, which may be null.
     *
     * @throws ResultSerializationException if this serializer cannot handle the value
     */
    byte[] serialize(Object value);

    /**
     * Serializes a value whose declared type (usually the task method's generic return type) is
     * known, so that serializers that keep type information can keep the generic arguments. The
     * default ignores the declared type.
     *
     * @throws ResultSerializationException if this serializer cannot handle the value
     */
    default byte[] serialize(Object value, Type declaredType) {
        return serialize(value);
    }

    /**
     * Turns bytes written by {@link #serialize(Object)} back into the value.
     *
     * @throws ResultSerializationException if the bytes are not valid for this serializer
     */
    Object deserialize(byte[] bytes);
}
