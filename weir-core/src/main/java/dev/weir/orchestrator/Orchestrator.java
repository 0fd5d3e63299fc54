package dev.weir.orchestrator;

import dev.weir.run.FlowRun;
import dev.weir.run.RunLog;
import dev.weir.run.TaskRun;
import dev.weir.state.State;
import java.util.Optional;
import java.util.UUID;

/**
 * Everything the engine decides, reported to the place that records runs.
 *
 * <p>Flow-run states are proposed and the orchestrator decides (its rules may reject, delay or abort
 * a proposal). Task-run states are decided by the engine and only recorded; implementations may
 * batch them and log lines, but must keep their order per run and must deliver everything accepted
 * before {@link #flush()} returns.
 *
 * <p>Implementations are thread-safe.
 */
public interface Orchestrator extends AutoCloseable {

    /** Creates a flow run in its initial state (the state given in {@code create}). */
    FlowRun createFlowRun(FlowRunCreate create);

    /** Proposes a new state for a flow run; the answer says what the orchestrator made of it. */
    StateDecision setFlowRunState(UUID flowRunId, State proposed);

    /** The flow run as last recorded. */
    Optional<FlowRun> flowRun(UUID flowRunId);

    /**
     * Tells the orchestrator that the run's process is alive (a run that stops beating is Crashed by
     * the server), and answers the run as stored, so the process learns when it is being cancelled.
     * Empty when there is no such run.
     */
    default Optional<FlowRun> heartbeat(UUID flowRunId) {
        return flowRun(flowRunId);
    }

    /** The input sent to the run under {@code key} (such as a resume's), as JSON-ready values. */
    default Optional<Object> runInput(UUID flowRunId, String key) {
        return Optional.empty();
    }

    /** Records a task run as it now stands (an insert the first time, an update later). */
    void recordTaskRun(TaskRun taskRun);

    /** Records one log line. */
    void recordLog(RunLog log);

    /** Records task runs in the order given; implementations that talk to a server send them in one request. */
    default void recordTaskRuns(java.util.List<TaskRun> taskRuns) {
        taskRuns.forEach(this::recordTaskRun);
    }

    /** Records log lines in the order given. */
    default void recordLogs(java.util.List<RunLog> logs) {
        logs.forEach(this::recordLog);
    }

    /** Delivers everything recorded so far before returning. */
    void flush();

    /** Flushes and releases resources. */
    @Override
    void close();
}
