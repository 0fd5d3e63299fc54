package dev.weir.cache;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.IOException;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Hashes task arguments into a stable key: SHA-256 of their canonical JSON, the same across JVM runs
 * and machines (never {@code hashCode}).
 *
 * <p>The arguments are written as one JSON object ordered by parameter name, e.g. {@code
 * {"day":"2024-03-01","limit":10}}, with maps ordered by key, properties alphabetically, sets ordered,
 * java.time as ISO strings and byte arrays as base64 of their content. The JSON streams straight into
 * the digest and is never held in memory. An argument that is a stream, reader, writer, channel,
 * socket, thread, lambda or other synthetic class, or that Jackson cannot write, makes the whole call
 * unhashable. Thread safe.
 */
public final class InputHash {

    private static final ObjectWriter WRITER = CanonicalJson.MAPPER.writer();

    private InputHash() {}

    /** The hash of the named arguments, or empty if one of them cannot be hashed. */
    public static Optional<String> of(Map<String, ?> namedArguments) {
        return compute(namedArguments).hash();
    }

    /** The hash of the named arguments, or the first argument (by name) that cannot be hashed and why. */
    public static HashResult compute(Map<String, ?> namedArguments) {
        Objects.requireNonNull(namedArguments, "namedArguments");
        MessageDigest digest = Sha256.digest();
        try (JsonGenerator generator = CanonicalJson.MAPPER.createGenerator(new DigestingOutputStream(digest))) {
            generator.writeStartObject();
            for (Map.Entry<String, ?> argument : new TreeMap<String, Object>(namedArguments).entrySet()) {
                Optional<HashResult.Unhashable> refused = write(generator, argument.getKey(), argument.getValue());
                if (refused.isPresent()) {
                    return refused.get();
                }
            }
            generator.writeEndObject();
        } catch (IOException e) {
            throw new IllegalStateException("Writing into a digest cannot fail", e);
        }
        return new HashResult.Hashed(Sha256.hex(digest));
    }

    private static Optional<HashResult.Unhashable> write(JsonGenerator generator, String name, Object value) {
        if (value != null) {
            Optional<String> reason = Unhashables.reason(value.getClass());
            if (reason.isPresent()) {
                return Optional.of(new HashResult.Unhashable(name, reason.get()));
            }
        }
        try {
            generator.writeFieldName(name);
            WRITER.writeValue(generator, value);
            return Optional.empty();
        } catch (IOException | RuntimeException | StackOverflowError e) {
            return Optional.of(new HashResult.Unhashable(name, String.valueOf(e.getMessage())));
        }
    }
}
