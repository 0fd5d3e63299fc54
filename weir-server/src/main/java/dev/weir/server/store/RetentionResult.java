package dev.weir.server.store;

/** What a retention pass deleted: flow runs (with their task runs, states and logs) and events. */
public record RetentionResult(int flowRuns, int taskRuns, int events) {}
