package dev.weir.server.store;

import dev.weir.core.Ids;
import dev.weir.orchestrator.FlowRunCreate;
import dev.weir.run.FlowRun;
import dev.weir.run.RetryPolicy;
import dev.weir.run.RunLog;
import dev.weir.run.TaskRun;
import dev.weir.state.State;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Test-data builders for the store tests. */
final class Fixtures {

    /** A fixed instant with whole microseconds, so stored values compare equal. */
    static final Instant T0 = Instant.parse("2026-03-01T10:00:00.123456Z");

    private Fixtures() {}

    static Instant at(long seconds) {
        return T0.plusSeconds(seconds);
    }

    static FlowRunCreate aFlowRun(String flowName) {
        return aFlowRun(flowName, State.pending(T0));
    }

    static FlowRunCreate aFlowRun(String flowName, State initial) {
        UUID id = Ids.newId();
        return new FlowRunCreate(id, "run-" + id.toString().substring(30), flowName, "v1", Map.of("day", "2026-03-01"),
                List.of("nightly"), null, new RetryPolicy(2, 1.5), initial);
    }

    static NewFlowRun newRun(FlowRunCreate create, Instant created) {
        return NewFlowRun.of(create, created);
    }

    /** The run moved to {@code state}, bookkeeping as the orchestrator would apply it. */
    static FlowRun moved(FlowRun run, State state) {
        int runCount = run.runCount() + (state.type() == dev.weir.state.StateType.RUNNING ? 1 : 0);
        Instant start = run.startTime() == null && state.type() == dev.weir.state.StateType.RUNNING
                ? state.timestamp()
                : run.startTime();
        Instant end = state.isFinal() ? state.timestamp() : null;
        Duration total = start != null && end != null ? Duration.between(start, end) : run.totalRunTime();
        return run.with(state, runCount, start, end, total);
    }

    static TaskRun aTaskRun(UUID flowRunId, int index, State state) {
        return new TaskRun(Ids.newId(), "fetch-" + index, "com.acme.Etl#fetch", flowRunId, index, List.of("io"),
                Map.of(), state, 0, T0.plusMillis(index), null, null, Duration.ZERO);
    }

    static RunLog aLog(UUID flowRunId, UUID taskRunId, String level, String message, Instant at) {
        return new RunLog(flowRunId, taskRunId, level, "weir.test", message, at);
    }

    static Event anEvent(String name, String resourceId, Instant occurred) {
        return new Event(Ids.newId(), occurred, name, resourceId, Map.of("weir.resource.id", resourceId),
                List.of(Map.of("weir.resource.id", "weir.flow.x", "weir.resource.role", "flow")),
                Map.of("intended", Map.of("from", "PENDING", "to", "RUNNING")));
    }
}
