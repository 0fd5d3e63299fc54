package dev.weir.server.store;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A stored work pool.
 *
 * @param concurrencyLimit at most this many PENDING or RUNNING runs in the pool, or null for no limit
 */
public record WorkPoolRecord(
        UUID id, String name, String type, String description, Map<String, Object> baseJobTemplate,
        Integer concurrencyLimit, boolean paused, Instant created, Instant updated) {}
