package dev.weir.result;

import com.fasterxml.jackson.databind.type.TypeFactory;
import java.io.UncheckedIOException;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes and reads result records: serializes a value, checksums it, stores it with its metadata as
 * one JSON document, and reads it back only when it is intact and unexpired.
 *
 * <p>Reads never throw for bad data: a record that is missing or expired is a miss; one that is
 * truncated, corrupt, fails its checksum, names an unknown serializer or cannot be deserialized is a
 * miss with one warning naming the key and the problem. A stored null reads as empty from {@link
 * #read(String)}; use {@link #readRecord(String)} and {@link #value(ResultRecord)} to tell it from a
 * miss. Thread safe.
 */
public final class ResultStore {

    private static final String WEIR_VERSION = Optional
            .ofNullable(ResultStore.class.getPackage().getImplementationVersion())
            .orElse("0.1.0-SNAPSHOT");

    private final ResultStorage storage;
    private final InstantSource clock;
    private final Logger log;
    private final RecordCodec codec = new RecordCodec();
    private final Map<String, ResultSerializer> written = new ConcurrentHashMap<>();

    private ResultStore(ResultStorage storage, InstantSource clock, Logger log) {
        this.storage = Objects.requireNonNull(storage, "storage");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.log = log;
    }

    /** A store over the given storage, judging expiration by the given clock. */
    public static ResultStore create(ResultStorage storage, InstantSource clock) {
        return new ResultStore(storage, clock, LoggerFactory.getLogger(ResultStore.class));
    }

    static ResultStore create(ResultStorage storage, InstantSource clock, Logger log) {
        return new ResultStore(storage, clock, log);
    }

    /**
     * Serializes a value and stores it under a key, replacing any record there.
     *
     * @param declaredType the value's declared type, usually {@link java.lang.reflect.Method#getGenericReturnType()}
     * @param expiration when the record stops being valid; empty for never
     * @return the record as stored
     * @throws ResultSerializationException if the serializer cannot handle the value
     * @throws IllegalArgumentException if the key breaks the storage key rule
     * @throws UncheckedIOException if the storage cannot write
     */
    public ResultRecord write(
            String key, Object value, Type declaredType, ResultSerializer serializer, Optional<Instant> expiration) {
        Objects.requireNonNull(declaredType, "declaredType (use Object.class when unknown)");
        Objects.requireNonNull(expiration, "expiration (use Optional.empty() for never)");
        StorageKeys.validate(key);
        byte[] bytes = serializer.serialize(value, declaredType);
        ResultMetadata metadata = new ResultMetadata(
                serializer.name(), key, expiration, clock.instant(), WEIR_VERSION,
                RecordCodec.sha256(bytes),
                EnvelopeTypes.choose(TypeFactory.defaultInstance(), declaredType, value).toCanonical());
        ResultRecord record = new ResultRecord(metadata, bytes);
        written.putIfAbsent(serializer.name(), serializer);
        storage.write(key, codec.encode(record, serializer instanceof JsonResultSerializer));
        return record;
    }

    /** Writes a value with the json serializer and no expiration. */
    public ResultRecord write(String key, Object value, Type declaredType) {
        return write(key, value, declaredType, ResultSerializers.json(), Optional.empty());
    }

    /** The value stored under a key, or empty on a miss (missing, expired, invalid, or a stored null). */
    public Optional<Object> read(String key) {
        Optional<ResultRecord> record = readRecord(key);
        if (record.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(value(record.get()));
        } catch (RuntimeException | LinkageError e) {
            warn(key, e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * The intact, unexpired record stored under a key, without deserializing its value; empty on a miss.
     * This is the cheap existence and expiry check: it reads and checksums the bytes but builds no value.
     */
    public Optional<ResultRecord> readRecord(String key) {
        Optional<byte[]> document;
        try {
            document = storage.read(key);
        } catch (UncheckedIOException | IllegalArgumentException e) {
            warn(key, e.getMessage());
            return Optional.empty();
        }
        if (document.isEmpty()) {
            return Optional.empty();
        }
        ResultRecord record;
        try {
            record = codec.decode(document.get());
        } catch (RecordCodec.CorruptRecordException e) {
            warn(key, e.getMessage());
            return Optional.empty();
        }
        if (record.metadata().isExpiredAt(clock.instant())) {
            log.debug("Result record '{}' expired at {}; treating it as a miss",
                    key, record.metadata().expiration().orElseThrow());
            return Optional.empty();
        }
        return Optional.of(record);
    }

    /** Whether an intact, unexpired record is stored under a key (its value is not deserialized). */
    public boolean isValid(String key) {
        return readRecord(key).isPresent();
    }

    /**
     * Deserializes a record's value, which may be null.
     *
     * @throws ResultSerializationException if the serializer is unknown or cannot read the bytes
     */
    public Object value(ResultRecord record) {
        return serializer(record.metadata().serializer()).deserialize(record.value());
    }

    /** Removes the record stored under a key, if any. */
    public void delete(String key) {
        storage.delete(key);
    }

    private ResultSerializer serializer(String name) {
        ResultSerializer seen = written.get(name);
        return seen != null ? seen : ResultSerializers.named(name);
    }

    private void warn(String key, String problem) {
        log.warn("Ignoring result record '{}' in {}, treating it as a cache miss: {}", key, storage, problem);
    }
}
