package dev.weir.api;

import java.util.List;
import java.util.Map;

/**
 * The body of {@code POST /api/deployments}: creates the deployment named {@code name} of flow
 * {@code flowName}, or updates it when it exists. Only {@code name}, {@code flowName} and {@code
 * entrypoint} are required.
 *
 * @param entrypoint the flow method, such as {@code com.acme.TaxiEtl#etl}
 * @param parameters default parameters of its runs
 * @param parameterSchema the JSON Schema of the flow's parameters (as {@code ParameterSchema} generates it)
 * @param enforceParameterSchema whether runs' parameters are validated against the schema (default true)
 * @param concurrencyLimit at most this many runs of the deployment at once; null for no limit
 * @param schedules the deployment's schedules, replacing the stored ones; null leaves them unchanged
 * @param collisionStrategy when the concurrency limit is reached, ENQUEUE (the default: the run waits in
 *     AwaitingConcurrencySlot) or CANCEL_NEW (the new run ends Cancelled)
 * @param retries the flow's retries, given to the deployment's runs (a crash counts as an attempt)
 * @param retryDelaySeconds the wait before each retry
 */
public record DeploymentCreate(
        String name,
        String flowName,
        String entrypoint,
        String workPoolName,
        String workQueueName,
        Map<String, Object> parameters,
        Map<String, Object> parameterSchema,
        Boolean enforceParameterSchema,
        List<String> tags,
        String description,
        String version,
        Integer concurrencyLimit,
        Map<String, Object> jobVariables,
        List<DeploymentScheduleCreate> schedules,
        String collisionStrategy,
        Integer retries,
        Double retryDelaySeconds) {

    /** A deployment without retries whose runs wait for a free slot. */
    public DeploymentCreate(String name, String flowName, String entrypoint, String workPoolName, String workQueueName,
            Map<String, Object> parameters, Map<String, Object> parameterSchema, Boolean enforceParameterSchema,
            List<String> tags, String description, String version, Integer concurrencyLimit,
            Map<String, Object> jobVariables, List<DeploymentScheduleCreate> schedules) {
        this(name, flowName, entrypoint, workPoolName, workQueueName, parameters, parameterSchema, enforceParameterSchema,
                tags, description, version, concurrencyLimit, jobVariables, schedules, null, null, null);
    }
}
