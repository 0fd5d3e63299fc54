package dev.weir.api;

import java.util.UUID;

/**
 * The body of {@code POST /api/work_pools/{name}/workers/heartbeat}: the worker {@code name} of the pool
 * is alive; it is ONLINE until three 30-second beats are missed.
 *
 * @param workerId the id the worker was given by an earlier beat, or null
 */
public record WorkerHeartbeat(String name, UUID workerId) {}
