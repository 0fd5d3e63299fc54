package dev.weir.client;

import dev.weir.orchestration.FlowRunPolicy;
import dev.weir.orchestrator.FlowRunCreate;
import dev.weir.orchestrator.Orchestrator;
import dev.weir.orchestrator.StateDecision;
import dev.weir.run.FlowRun;
import dev.weir.run.RunLog;
import dev.weir.run.TaskRun;
import dev.weir.state.State;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Records runs in memory, for tests and for running without a server. Applies the standard
 * {@link FlowRunPolicy}, as the server does. To see state changes on a console, wrap it with
 * {@link Orchestrators#printing}.
 *
 * <p>Thread-safe. Everything is kept until the orchestrator is garbage collected.
 */
public final class InMemoryOrchestrator implements Orchestrator {

    private record Entry(FlowRun run, List<State> history, long sequence) {}

    private record TaskEntry(TaskRun run, List<State> history, long sequence) {}

    private final InstantSource clock;
    private final Map<UUID, Entry> flowRuns = new ConcurrentHashMap<>();
    private final Map<UUID, TaskEntry> taskRuns = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<RunLog> logs = new ConcurrentLinkedQueue<>();
    private final AtomicLong sequence = new AtomicLong();

    private InMemoryOrchestrator(InstantSource clock) {
        this.clock = clock;
    }

    /** An orchestrator on the system clock. */
    public static InMemoryOrchestrator create() {
        return new InMemoryOrchestrator(InstantSource.system());
    }

    /** An orchestrator whose rules read time from {@code clock}. */
    public static InMemoryOrchestrator create(InstantSource clock) {
        return new InMemoryOrchestrator(clock);
    }

    @Override
    public FlowRun createFlowRun(FlowRunCreate create) {
        Entry entry = flowRuns.computeIfAbsent(create.id(), id -> {
            FlowRun run = new FlowRun(id, create.name(), create.flowName(), create.flowVersion(), create.parameters(),
                    create.tags(), create.parentTaskRunId(), create.initialState(), 0, create.policy(),
                    create.initialState().timestamp(), null, null, Duration.ZERO);
            List<State> history = new ArrayList<>();
            history.add(create.initialState());
            return new Entry(run, history, sequence.incrementAndGet());
        });
        return entry.run();
    }

    @Override
    public StateDecision setFlowRunState(UUID flowRunId, State proposed) {
        StateDecision[] decision = new StateDecision[1];
        flowRuns.compute(flowRunId, (id, entry) -> {
            if (entry == null) {
                throw new NoSuchElementException("No flow run with id " + flowRunId);
            }
            FlowRunPolicy.Outcome result = FlowRunPolicy.standard().apply(entry.run(), proposed, clock.instant());
            decision[0] = result.decision();
            if (result.written()) {
                entry.history().add(result.run().state());
                return new Entry(result.run(), entry.history(), entry.sequence());
            }
            return entry;
        });
        return decision[0];
    }

    @Override
    public Optional<FlowRun> flowRun(UUID flowRunId) {
        return Optional.ofNullable(flowRuns.get(flowRunId)).map(Entry::run);
    }

    @Override
    public void recordTaskRun(TaskRun taskRun) {
        taskRuns.compute(taskRun.id(), (id, entry) -> {
            List<State> history = entry == null ? new ArrayList<>(4) : entry.history();
            if (history.isEmpty() || !history.getLast().equals(taskRun.state())) {
                history.add(taskRun.state());
            }
            return new TaskEntry(taskRun, history, entry == null ? sequence.incrementAndGet() : entry.sequence());
        });
    }

    @Override
    public void recordLog(RunLog log) {
        logs.add(log);
    }

    @Override
    public void flush() {
        // Everything is recorded as it arrives.
    }

    @Override
    public void close() {
        flush();
    }

    /** Every flow run, in the order they were created. */
    public List<FlowRun> flowRuns() {
        return flowRuns.values().stream().sorted(Comparator.comparingLong(Entry::sequence)).map(Entry::run).toList();
    }

    /** The states a flow run has been in, oldest first. */
    public List<State> flowRunStates(UUID flowRunId) {
        Entry entry = flowRuns.get(flowRunId);
        return entry == null ? List.of() : List.copyOf(entry.history());
    }

    /** The task runs of a flow run in call order; {@code null} for the task runs outside any flow. */
    public List<TaskRun> taskRuns(UUID flowRunId) {
        return taskRuns.values().stream()
                .filter(entry -> Objects.equals(entry.run().flowRunId(), flowRunId))
                .sorted(Comparator.comparingInt((TaskEntry entry) -> entry.run().dynamicKey())
                        .thenComparingLong(TaskEntry::sequence))
                .map(TaskEntry::run)
                .toList();
    }

    public Optional<TaskRun> taskRun(UUID taskRunId) {
        return Optional.ofNullable(taskRuns.get(taskRunId)).map(TaskEntry::run);
    }

    /** The states a task run has been in, oldest first. */
    public List<State> taskRunStates(UUID taskRunId) {
        TaskEntry entry = taskRuns.get(taskRunId);
        return entry == null ? List.of() : List.copyOf(entry.history());
    }

    /** The log lines of a flow run (its task runs' included), in the order they were written. */
    public List<RunLog> logs(UUID flowRunId) {
        return logs.stream().filter(log -> flowRunId.equals(log.flowRunId())).toList();
    }

    /** Every log line, in the order written. */
    public List<RunLog> logs() {
        return List.copyOf(logs);
    }
}
