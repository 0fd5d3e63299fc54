package dev.weir.client;

import dev.weir.orchestrator.FlowRunCreate;
import dev.weir.orchestrator.Orchestrator;
import dev.weir.orchestrator.StateDecision;
import dev.weir.run.FlowRun;
import dev.weir.run.RunLog;
import dev.weir.run.TaskRun;
import dev.weir.state.State;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An orchestrator that keeps every call as a line ({@code taskRuns [a, b]}, {@code logs [hello]},
 * {@code setState Completed}, {@code close}) and can be told to fail its next batch calls.
 */
final class RecordingOrchestrator implements Orchestrator {

    final List<String> calls = new CopyOnWriteArrayList<>();
    final List<List<TaskRun>> taskRunBatches = new CopyOnWriteArrayList<>();
    final List<List<RunLog>> logBatches = new CopyOnWriteArrayList<>();
    final AtomicInteger failuresToCome = new AtomicInteger();

    @Override
    public FlowRun createFlowRun(FlowRunCreate create) {
        calls.add("create " + create.name());
        return Records.aFlowRunFrom(create);
    }

    @Override
    public StateDecision setFlowRunState(UUID flowRunId, State proposed) {
        calls.add("setState " + proposed.name());
        return new StateDecision.Accept(proposed);
    }

    @Override
    public Optional<FlowRun> flowRun(UUID flowRunId) {
        return Optional.empty();
    }

    @Override
    public void recordTaskRun(TaskRun taskRun) {
        recordTaskRuns(List.of(taskRun));
    }

    @Override
    public void recordLog(RunLog log) {
        recordLogs(List.of(log));
    }

    @Override
    public void recordTaskRuns(List<TaskRun> taskRuns) {
        failIfTold();
        taskRunBatches.add(List.copyOf(taskRuns));
        calls.add("taskRuns " + taskRuns.stream().map(t -> t.name() + ":" + t.state().name()).toList());
    }

    @Override
    public void recordLogs(List<RunLog> logs) {
        failIfTold();
        logBatches.add(List.copyOf(logs));
        calls.add("logs " + logs.stream().map(RunLog::message).toList());
    }

    private void failIfTold() {
        if (failuresToCome.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new IllegalStateException("server on fire");
        }
    }

    @Override
    public void flush() {
        calls.add("flush");
    }

    @Override
    public void close() {
        calls.add("close");
    }

    /** The calls other than the delegate flushes that follow every flush of the batching orchestrator. */
    List<String> sends() {
        List<String> sends = new ArrayList<>(calls);
        sends.removeIf("flush"::equals);
        return sends;
    }

    List<TaskRun> allTaskRuns() {
        return taskRunBatches.stream().flatMap(List::stream).toList();
    }

    List<RunLog> allLogs() {
        return logBatches.stream().flatMap(List::stream).toList();
    }
}
