package dev.weir.api;

/**
 * The body of {@code POST /api/flow_runs/{id}/resume}.
 *
 * @param runInput the input the paused run waits for (checked against the JSON Schema of its pause), or
 *     null when it waits for none
 */
public record FlowRunResume(Object runInput) {}
