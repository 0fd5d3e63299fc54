package dev.weir.run;

import dev.weir.state.State;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One execution of a task, as the client decided it; task runs are recorded in batches.
 *
 * @param taskKey identifies the task across runs: the declaring class and method, or the ad-hoc name
 * @param flowRunId the enclosing flow run, or null for a task called outside any flow
 * @param dynamicKey the call index of this task within its flow run (0, 1, 2, ...)
 * @param inputs the upstream edges per argument name; {@code "wait_for"} holds waited-for futures
 * @param runCount how many times the task run has entered RUNNING
 */
public record TaskRun(
        UUID id,
        String name,
        String taskKey,
        UUID flowRunId,
        int dynamicKey,
        List<String> tags,
        Map<String, List<TaskInput>> inputs,
        State state,
        int runCount,
        Instant createdAt,
        Instant startTime,
        Instant endTime,
        Duration totalRunTime) {

    /** The argument name under which waited-for upstreams are recorded. */
    public static final String WAIT_FOR = "wait_for";

    public TaskRun {
        tags = tags == null ? List.of() : tags;
        inputs = inputs == null ? Map.of() : inputs;
        totalRunTime = totalRunTime == null ? Duration.ZERO : totalRunTime;
    }

    /** This task run in a new state with updated bookkeeping. */
    public TaskRun with(State newState, int newRunCount, Instant newStart, Instant newEnd, Duration newRunTime) {
        return new TaskRun(
                id, name, taskKey, flowRunId, dynamicKey, tags, inputs, newState, newRunCount, createdAt, newStart,
                newEnd, newRunTime);
    }
}
