package dev.weir.server.embedded;

import dev.weir.orchestrator.FlowRunCreate;
import dev.weir.orchestrator.Orchestrator;
import dev.weir.orchestrator.StateDecision;
import dev.weir.run.FlowRun;
import dev.weir.run.RunLog;
import dev.weir.run.TaskRun;
import dev.weir.server.orchestration.FlowRunOrchestrator;
import dev.weir.server.store.Database;
import dev.weir.server.store.FlowRunRecord;
import dev.weir.state.State;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * An orchestrator that writes straight to a Weir database through the server's stores and rules, as
 * the server itself would: flow-run states are decided by the same policy, each change with its
 * event. The SDK wraps it in batching, so task runs and logs arrive in batches.
 */
public final class EmbeddedOrchestrator implements Orchestrator {

    private final Database database;
    private final FlowRunOrchestrator orchestrator;

    private EmbeddedOrchestrator(Database database, InstantSource clock) {
        this.database = database;
        this.orchestrator = new FlowRunOrchestrator(database, clock, () -> {});
    }

    /** An orchestrator over the database at {@code url}, which it opens (migrating it) and closes. */
    public static EmbeddedOrchestrator open(String url) {
        return new EmbeddedOrchestrator(Database.open(url), InstantSource.system());
    }

    @Override
    public FlowRun createFlowRun(FlowRunCreate create) {
        return orchestrator.create(create, null).run().run();
    }

    @Override
    public StateDecision setFlowRunState(UUID flowRunId, State proposed) {
        return orchestrator.setState(flowRunId, proposed, false);
    }

    @Override
    public Optional<FlowRun> flowRun(UUID flowRunId) {
        return database.flowRuns().read(flowRunId).map(FlowRunRecord::run);
    }

    @Override
    public Optional<FlowRun> heartbeat(UUID flowRunId) {
        try {
            return Optional.of(orchestrator.heartbeat(flowRunId).run());
        } catch (java.util.NoSuchElementException e) {
            return Optional.empty();
        }
    }

    @Override
    public Optional<Object> runInput(UUID flowRunId, String key) {
        return database.flowRunInputs().read(flowRunId, key);
    }

    @Override
    public void recordTaskRun(TaskRun taskRun) {
        orchestrator.recordTaskRuns(List.of(taskRun));
    }

    @Override
    public void recordTaskRuns(List<TaskRun> taskRuns) {
        orchestrator.recordTaskRuns(taskRuns);
    }

    @Override
    public void recordLog(RunLog log) {
        orchestrator.recordLogs(List.of(log));
    }

    @Override
    public void recordLogs(List<RunLog> logs) {
        orchestrator.recordLogs(logs);
    }

    @Override
    public void flush() {
        // Every call above has committed when it returns.
    }

    @Override
    public void close() {
        database.close();
    }
}
