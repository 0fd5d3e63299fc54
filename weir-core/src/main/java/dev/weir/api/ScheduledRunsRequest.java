package dev.weir.api;

import java.time.Instant;
import java.util.List;

/**
 * The body of {@code POST /api/work_pools/{name}/get_scheduled_flow_runs}: claims due runs of the
 * pool's deployments, moving each to PENDING; every field is optional.
 *
 * @param workQueueNames only these queues of the pool (default all), served by priority
 * @param scheduledBefore runs due before this instant (default now)
 * @param limit at most this many runs (1 to 100, default 10)
 * @param waitSeconds when nothing is due, hold the request up to this long (0 to 30, default 0) and
 *     answer as soon as a run becomes due
 */
public record ScheduledRunsRequest(List<String> workQueueNames, Instant scheduledBefore, Integer limit, Integer waitSeconds) {}
