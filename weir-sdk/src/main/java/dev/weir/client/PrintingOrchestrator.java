package dev.weir.client;

import dev.weir.orchestrator.FlowRunCreate;
import dev.weir.orchestrator.Orchestrator;
import dev.weir.orchestrator.StateDecision;
import dev.weir.run.FlowRun;
import dev.weir.run.RunLog;
import dev.weir.run.TaskRun;
import dev.weir.state.State;
import java.io.PrintStream;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Prints each flow-run creation and each state a flow run enters to a console, then passes every call on.
 *
 * <p>A line reads {@code 12:00:00.000 | Flow run 'brave-otter' (etl) entered Completed()}, timed by the
 * state's own timestamp in the system time zone. A state enters when the orchestrator accepts it, or
 * rejects it in favour of another (the other is printed, such as {@code AwaitingRetry}); nothing is
 * printed for WAIT and ABORT, which leave the run where it was.
 */
final class PrintingOrchestrator implements Orchestrator {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");

    /** How a run is printed: its name and its flow's. */
    private record Names(String run, String flow) {
        static Names of(FlowRun run) {
            return new Names(run.name(), run.flowName());
        }
    }

    private final Orchestrator delegate;
    private final PrintStream out;
    /** The names of the runs created here and not yet final, so that printing a state costs no request. */
    private final Map<UUID, Names> names = new ConcurrentHashMap<>();

    PrintingOrchestrator(Orchestrator delegate, PrintStream out) {
        this.delegate = delegate;
        this.out = out;
    }

    @Override
    public FlowRun createFlowRun(FlowRunCreate create) {
        FlowRun run = delegate.createFlowRun(create);
        names.put(run.id(), Names.of(run));
        print(Names.of(run), run.state().timestamp(), "created in state " + run.state());
        return run;
    }

    @Override
    public StateDecision setFlowRunState(UUID flowRunId, State proposed) {
        StateDecision decision = delegate.setFlowRunState(flowRunId, proposed);
        if (decision instanceof StateDecision.Accept || decision instanceof StateDecision.Reject) {
            Names known = names.get(flowRunId);
            if (known == null) {
                known = delegate.flowRun(flowRunId).map(Names::of).orElse(new Names(flowRunId.toString(), "?"));
            }
            print(known, decision.state().timestamp(), "entered " + decision.state());
            if (decision.state().isFinal()) {
                names.remove(flowRunId);
            }
        }
        return decision;
    }

    @Override
    public Optional<FlowRun> flowRun(UUID flowRunId) {
        return delegate.flowRun(flowRunId);
    }

    @Override
    public Optional<FlowRun> heartbeat(UUID flowRunId) {
        return delegate.heartbeat(flowRunId);
    }

    @Override
    public Optional<Object> runInput(UUID flowRunId, String key) {
        return delegate.runInput(flowRunId, key);
    }

    @Override
    public void recordTaskRun(TaskRun taskRun) {
        delegate.recordTaskRun(taskRun);
    }

    @Override
    public void recordLog(RunLog log) {
        delegate.recordLog(log);
    }

    @Override
    public void recordTaskRuns(List<TaskRun> taskRuns) {
        delegate.recordTaskRuns(taskRuns);
    }

    @Override
    public void recordLogs(List<RunLog> logs) {
        delegate.recordLogs(logs);
    }

    @Override
    public void flush() {
        delegate.flush();
    }

    @Override
    public void close() {
        delegate.close();
    }

    private void print(Names run, Instant at, String what) {
        String time = TIME.format(LocalTime.ofInstant(at, ZoneId.systemDefault()));
        out.println(time + " | Flow run '" + run.run() + "' (" + run.flow() + ") " + what);
    }
}
