package dev.weir;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The task run a piece of code runs in.
 *
 * @param taskKey identifies the task across runs: declaring class and method, or the ad-hoc name
 * @param parameters the run's arguments by name
 * @param attempt 1 for the first attempt, 2 for the first retry, ...
 */
public record TaskRunInfo(
        UUID id, String name, String taskName, String taskKey, Optional<UUID> flowRunId,
        Map<String, Object> parameters, int attempt, List<String> tags) {}
