package dev.weir.server.store;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A deployment as stored: a flow registered to run with a name ({@code flow/deployment}), default
 * parameters and their schema, and where its runs go.
 *
 * @param paused a paused deployment gets no scheduled runs
 * @param collisionStrategy what a run finding the concurrency limit reached does
 * @param retries the flow's retries its runs get (crashes included), or null for none
 */
public record DeploymentRecord(
        UUID id,
        UUID flowId,
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
        boolean paused,
        Instant created,
        Instant updated,
        NewDeployment.CollisionStrategy collisionStrategy,
        Integer retries,
        Double retryDelaySeconds) {

    /** The retries its runs get: the flow's, crashes included (a worker picks the retry up). */
    public dev.weir.run.RetryPolicy runPolicy() {
        return new dev.weir.run.RetryPolicy(retries == null ? 0 : retries,
                retryDelaySeconds == null ? 0 : retryDelaySeconds).withCrashRetries();
    }
}
