package dev.weir.result;

import java.nio.charset.StandardCharsets;

/** A custom serializer registered in META-INF/services for the tests; stores strings upper-cased. */
public final class UpperCaseSerializer implements ResultSerializer {

    @Override
    public String name() {
        return "upper-case";
    }

    @Override
    public byte[] serialize(Object value) {
        return String.valueOf(value).toUpperCase(java.util.Locale.ROOT).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public Object deserialize(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
