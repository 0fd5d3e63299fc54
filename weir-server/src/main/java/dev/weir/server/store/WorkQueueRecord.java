package dev.weir.server.store;

import java.time.Instant;
import java.util.UUID;

/**
 * A stored work queue of a pool.
 *
 * @param priority unique in the pool, 1 the highest
 * @param lastPolled when a worker last asked it for runs, or null if never
 */
public record WorkQueueRecord(
        UUID id, UUID poolId, String name, int priority, Integer concurrencyLimit, boolean paused, Instant lastPolled) {}
