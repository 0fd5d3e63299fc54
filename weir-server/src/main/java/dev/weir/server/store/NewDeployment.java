package dev.weir.server.store;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What {@link DeploymentStore#upsert} writes: a deployment as its client describes it. Absent maps
 * and lists become empty.
 *
 * @param entrypoint the flow method, such as {@code com.acme.TaxiEtl#etl}
 * @param parameterSchema the JSON Schema of the flow's parameters; empty when unknown
 * @param concurrencyLimit at most this many runs at once, or null for no limit
 * @param collisionStrategy what a run finding no free slot does: wait (ENQUEUE) or end Cancelled (CANCEL_NEW)
 * @param retries the flow's retries, applied to its runs (crashes included), or null for none
 * @param retryDelaySeconds the wait before each retry, or null for none
 */
public record NewDeployment(
        String flowName,
        String name,
        String entrypoint,
        String workPoolName,
        String workQueueName,
        Map<String, Object> parameters,
        Map<String, Object> parameterSchema,
        boolean enforceParameterSchema,
        List<String> tags,
        String description,
        String version,
        Integer concurrencyLimit,
        Map<String, Object> jobVariables,
        CollisionStrategy collisionStrategy,
        Integer retries,
        Double retryDelaySeconds) {

    /** What a run of a deployment at its concurrency limit does. */
    public enum CollisionStrategy { ENQUEUE, CANCEL_NEW }

    /** A deployment without retries that waits for a free slot. */
    public NewDeployment(String flowName, String name, String entrypoint, String workPoolName, String workQueueName,
            Map<String, Object> parameters, Map<String, Object> parameterSchema, boolean enforceParameterSchema,
            List<String> tags, String description, String version, Integer concurrencyLimit,
            Map<String, Object> jobVariables) {
        this(flowName, name, entrypoint, workPoolName, workQueueName, parameters, parameterSchema, enforceParameterSchema,
                tags, description, version, concurrencyLimit, jobVariables, CollisionStrategy.ENQUEUE, null, null);
    }

    public NewDeployment {
        Objects.requireNonNull(flowName, "flowName");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(entrypoint, "entrypoint");
        parameters = parameters == null ? Map.of() : parameters;
        parameterSchema = parameterSchema == null ? Map.of() : parameterSchema;
        tags = tags == null ? List.of() : List.copyOf(tags);
        jobVariables = jobVariables == null ? Map.of() : jobVariables;
        collisionStrategy = collisionStrategy == null ? CollisionStrategy.ENQUEUE : collisionStrategy;
    }
}
