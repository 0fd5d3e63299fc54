package dev.weir.result;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Type;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/** Gzips the bytes of another serializer; named {@code compressed/<inner name>}. Thread safe. */
final class CompressedSerializer implements ResultSerializer {

    static final String PREFIX = "compressed/";

    private final ResultSerializer inner;

    CompressedSerializer(ResultSerializer inner) {
        this.inner = inner;
    }

    @Override
    public String name() {
        return PREFIX + inner.name();
    }

    @Override
    public byte[] serialize(Object value) {
        return gzip(inner.serialize(value));
    }

    @Override
    public byte[] serialize(Object value, Type declaredType) {
        return gzip(inner.serialize(value, declaredType));
    }

    @Override
    public Object deserialize(byte[] bytes) {
        byte[] plain;
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            plain = in.readAllBytes();
        } catch (IOException e) {
            throw new ResultSerializationException(
                    "Cannot read a '" + name() + "' result: the bytes are not gzip data (" + e.getMessage() + ")", e);
        }
        return inner.deserialize(plain);
    }

    private static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, bytes.length / 4));
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("Gzip into memory failed", e);
        }
        return out.toByteArray();
    }
}
