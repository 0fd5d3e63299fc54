package dev.weir.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The body of {@code POST /api/deployments/{id}/create_flow_run}; every field is optional.
 *
 * @param parameters laid over the deployment's defaults, then validated against its schema
 * @param tags added to the deployment's tags
 * @param scheduledTime when the run is due (default now)
 * @param idempotencyKey a repeated create with the same key returns the first run
 */
public record DeploymentRunCreate(
        Map<String, Object> parameters, String name, List<String> tags, Instant scheduledTime, String idempotencyKey) {}
