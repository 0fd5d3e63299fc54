package dev.weir.api;

/**
 * The body of {@code POST /api/work_pools/{name}/queues}: creates the queue of that pool, or updates it.
 *
 * @param priority unique in the pool, 1 the highest; served top-down; default one below the lowest
 * @param concurrencyLimit at most this many PENDING or RUNNING runs from the queue; null for no limit
 * @param paused whether workers get no runs from it (default false)
 */
public record WorkQueueCreate(String name, Integer priority, Integer concurrencyLimit, Boolean paused) {}
