package dev.weir.client;

import dev.weir.Sleeper;
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
import java.util.concurrent.CopyOnWriteArrayList;

/** Test data: runs, task runs and lines with readable names, and a sleeper that only remembers. */
final class Records {

    static final Instant T0 = Instant.parse("2026-06-01T12:00:00Z");

    private Records() {}

    static FlowRunCreate aFlowRunCreate() {
        return new FlowRunCreate(Ids.newId(), "brave-otter", "etl", "v1", Map.of("day", "2026-06-01", "limit", 10),
                List.of("nightly"), null, new RetryPolicy(2, 30), State.pending(T0));
    }

    static FlowRun aFlowRunFrom(FlowRunCreate create) {
        return new FlowRun(create.id(), create.name(), create.flowName(), create.flowVersion(), create.parameters(),
                create.tags(), create.parentTaskRunId(), create.initialState(), 0, create.policy(), T0, null, null,
                Duration.ZERO);
    }

    static TaskRun aTaskRun(String name, UUID flowRunId, State state) {
        return new TaskRun(Ids.newId(), name, "dev.example.Etl#" + name, flowRunId, 0, List.of(), Map.of(), state, 0, T0,
                null, null, Duration.ZERO);
    }

    static RunLog aLog(UUID flowRunId, String message) {
        return new RunLog(flowRunId, null, "INFO", "weir.flow_runs", message, T0);
    }

    /** A sleeper that returns at once and keeps the durations asked for. */
    static class RecordingSleeper implements Sleeper {
        final List<Duration> sleeps = new CopyOnWriteArrayList<>();

        @Override
        public void sleep(Duration duration) {
            sleeps.add(duration);
        }
    }
}
