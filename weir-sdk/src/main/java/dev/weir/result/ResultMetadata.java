package dev.weir.result;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What a result record says about its value: how it was serialized, where it is stored, when it
 * expires, when and by which Weir version it was written, its SHA-256 checksum and its Java type.
 *
 * @param serializer the {@link ResultSerializer#name()} that wrote the value
 * @param storageKey the key the record is stored under
 * @param expiration when the record stops being a valid cache entry; empty for never
 * @param createdAt when the record was written
 * @param weirVersion the version of Weir that wrote the record
 * @param checksum the SHA-256 of the serialized value bytes, lower-case hex
 * @param valueType the value's Java type as a Jackson canonical type string
 */
public record ResultMetadata(
        String serializer,
        String storageKey,
        Optional<Instant> expiration,
        Instant createdAt,
        String weirVersion,
        String checksum,
        String valueType) {

    public ResultMetadata {
        Objects.requireNonNull(serializer, "serializer");
        Objects.requireNonNull(storageKey, "storageKey");
        Objects.requireNonNull(expiration, "expiration (use Optional.empty() for never)");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(weirVersion, "weirVersion");
        Objects.requireNonNull(checksum, "checksum");
        Objects.requireNonNull(valueType, "valueType");
    }

    /** Whether the record has expired at the given instant; a record expires at its expiration. */
    public boolean isExpiredAt(Instant now) {
        return expiration.map(at -> !now.isBefore(at)).orElse(false);
    }
}
