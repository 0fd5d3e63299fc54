package dev.weir.api;

import java.util.List;
import java.util.UUID;

/**
 * The body of {@code POST /api/deployments/get_scheduled_flow_runs}: claims due runs of deployments
 * that a process serves itself (deployments on no work pool), moving each to PENDING.
 *
 * @param deploymentIds the served deployments (required, 1 to 100 ids); runs of other deployments are
 *     never touched
 * @param limit at most this many runs (1 to 100, default 10)
 * @param waitSeconds when nothing is due, hold the request up to this long (0 to 30, default 0) and
 *     answer as soon as a run becomes due
 */
public record DeploymentRunsClaim(List<UUID> deploymentIds, Integer limit, Integer waitSeconds) {}
