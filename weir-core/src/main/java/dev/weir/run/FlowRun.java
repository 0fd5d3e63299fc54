package dev.weir.run;

import dev.weir.state.State;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One execution of a flow, as the orchestrator records it.
 *
 * @param parameters the run's parameters as JSON-ready values (maps, lists, strings, numbers)
 * @param parentTaskRunId the placeholder task run in the parent flow run, for a subflow; else null
 * @param runCount how many times the run has entered RUNNING
 * @param policy the retries the orchestrator applies when the run fails
 * @param startTime the first time the run entered RUNNING, or null
 * @param endTime when the run entered its final state, or null while it has not
 */
public record FlowRun(
        UUID id,
        String name,
        String flowName,
        String flowVersion,
        Map<String, Object> parameters,
        List<String> tags,
        UUID parentTaskRunId,
        State state,
        int runCount,
        RetryPolicy policy,
        Instant createdAt,
        Instant startTime,
        Instant endTime,
        Duration totalRunTime) {

    public FlowRun {
        parameters = parameters == null ? Map.of() : parameters;
        tags = tags == null ? List.of() : List.copyOf(tags);
        policy = policy == null ? RetryPolicy.NONE : policy;
        totalRunTime = totalRunTime == null ? Duration.ZERO : totalRunTime;
    }

    /** This run in a new state, with its bookkeeping (run count, times) already applied by the caller. */
    public FlowRun with(State newState, int newRunCount, Instant newStart, Instant newEnd, Duration newRunTime) {
        return new FlowRun(
                id, name, flowName, flowVersion, parameters, tags, parentTaskRunId, newState, newRunCount, policy,
                createdAt, newStart, newEnd, newRunTime);
    }
}
