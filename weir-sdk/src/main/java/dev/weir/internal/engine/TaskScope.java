package dev.weir.internal.engine;

import dev.weir.TaskRunInfo;
import dev.weir.run.TaskRun;
import dev.weir.state.State;
import dev.weir.state.StateTransitions;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * One task run in progress: its record as last reported, and the bookkeeping of its transitions
 * (run count, start and end times), which the engine decides for task runs itself.
 */
final class TaskScope {

    private final TaskDefinition definition;
    private final FlowScope flow;
    private final Map<String, Object> parameters;
    private final RunLogger logger;
    private final String idText;
    private final boolean logPrints;
    private volatile TaskRun run;
    private TaskFutureImpl<?> future;
    private Instant runningSince;

    TaskScope(TaskDefinition definition, FlowScope flow, TaskRun run, Map<String, Object> parameters, RunLogger logger) {
        this.definition = definition;
        this.flow = flow;
        this.run = run;
        this.parameters = parameters;
        this.logger = logger;
        this.idText = run.id().toString();
        this.logPrints = definition.logPrints() || (flow != null && flow.definition().logPrints());
    }

    TaskDefinition definition() {
        return definition;
    }

    FlowScope flow() {
        return flow;
    }

    TaskRun run() {
        return run;
    }

    String idText() {
        return idText;
    }

    RunLogger logger() {
        return logger;
    }

    boolean logPrints() {
        return logPrints;
    }

    void future(TaskFutureImpl<?> value) {
        this.future = value;
    }

    TaskFutureImpl<?> future() {
        return future;
    }

    /**
     * Moves the run to {@code next}, checked against the transition table, with its bookkeeping.
     *
     * @throws IllegalStateException if the engine proposes a transition the table forbids (a bug)
     */
    TaskRun transition(State next) {
        TaskRun current = run;
        if (!StateTransitions.isAllowed(current.state().type(), next.type())) {
            throw new IllegalStateException("Task run " + current.name() + " cannot move from " + current.state()
                    + " to " + next + "; the transition table forbids it");
        }
        Instant now = next.timestamp();
        int runCount = current.runCount();
        Instant start = current.startTime();
        Duration runTime = current.totalRunTime();
        if (runningSince != null) {
            runTime = runTime.plus(Duration.between(runningSince, now));
            runningSince = null;
        }
        if (next.type() == dev.weir.state.StateType.RUNNING) {
            runCount++;
            runningSince = now;
            if (start == null) {
                start = now;
            }
        }
        Instant end = next.isFinal() ? now : null;
        run = current.with(next, runCount, start, end, runTime);
        if (future != null) {
            future.update(next);
        }
        return run;
    }

    TaskRunInfo info() {
        TaskRun current = run;
        return new TaskRunInfo(current.id(), current.name(), definition.name(), definition.taskKey(),
                Optional.ofNullable(current.flowRunId()), parameters, current.runCount(), current.tags());
    }
}
