package dev.weir.cache;

import java.util.Objects;
import java.util.Optional;

/** The outcome of hashing task arguments: a hash, or the argument that could not be hashed and why. */
public sealed interface HashResult permits HashResult.Hashed, HashResult.Unhashable {

    /** The hash as an optional: present for {@link Hashed}, empty for {@link Unhashable}. */
    default Optional<String> hash() {
        return switch (this) {
            case Hashed hashed -> Optional.of(hashed.hex());
            case Unhashable unhashable -> Optional.empty();
        };
    }

    /**
     * The arguments hashed.
     *
     * @param hex the SHA-256 of their canonical JSON, 64 lower-case hex digits
     */
    record Hashed(String hex) implements HashResult {
        public Hashed {
            Objects.requireNonNull(hex, "hex");
        }
    }

    /**
     * An argument could not be hashed, so the call has no input hash and is not cached.
     *
     * @param argumentName the parameter name of the first unhashable argument, in name order
     * @param reason why, e.g. {@code java.io.InputStream is a stream}
     */
    record Unhashable(String argumentName, String reason) implements HashResult {
        public Unhashable {
            Objects.requireNonNull(argumentName, "argumentName");
            Objects.requireNonNull(reason, "reason");
        }
    }
}
