package dev.weir.cache;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * What a cache policy or key function may build a key from.
 *
 * @param taskKey the task's stable key, e.g. {@code com.acme.Etl.extract}
 * @param taskSourceHash the {@link TaskSource} hash of the task method; empty when its class file is unavailable
 * @param arguments parameter names to argument values (values may be null); copied, unmodifiable
 * @param runId the flow run's id; empty for a task called outside a flow run
 * @param flowParameters the flow run's parameters (values may be null); copied, unmodifiable
 */
public record CacheKeyContext(
        String taskKey,
        Optional<String> taskSourceHash,
        Map<String, Object> arguments,
        Optional<UUID> runId,
        Map<String, Object> flowParameters) {

    public CacheKeyContext {
        Objects.requireNonNull(taskKey, "taskKey");
        Objects.requireNonNull(taskSourceHash, "taskSourceHash (use Optional.empty() when unknown)");
        Objects.requireNonNull(runId, "runId (use Optional.empty() outside a flow run)");
        arguments = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(arguments, "arguments")));
        flowParameters = Collections.unmodifiableMap(
                new LinkedHashMap<>(Objects.requireNonNull(flowParameters, "flowParameters")));
    }
}
