package dev.weir;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The flow run a piece of code runs in.
 *
 * @param parameters the run's parameters by name, as the Java values the flow was called with
 * @param attempt 1 for the first attempt, 2 for the first retry, ...
 * @param parentTaskRunId the placeholder task run in the parent, when this run is a subflow
 */
public record FlowRunInfo(
        UUID id, String name, String flowName, Map<String, Object> parameters, int attempt,
        Optional<UUID> parentTaskRunId) {}
