package dev.weir;

import dev.weir.client.InMemoryOrchestrator;
import dev.weir.run.FlowRun;
import dev.weir.run.TaskRun;
import dev.weir.state.State;
import java.util.List;

/** A runtime on virtual time over an in-memory orchestrator, and ways to read what it recorded. */
final class Runs implements AutoCloseable {

    final VirtualTime time = new VirtualTime();
    final InMemoryOrchestrator orchestrator = InMemoryOrchestrator.create(time);
    final WeirRuntime weir;

    Runs() {
        this(null);
    }

    /** A runtime keeping results under {@code storage}. */
    Runs(java.nio.file.Path storage) {
        weir = Weir.configure(c -> {
            c.orchestrator(orchestrator).clock(time).sleeper(time);
            if (storage != null) {
                c.resultStorage(dev.weir.result.ResultStorage.localFileSystem(storage))
                        .lockManager(dev.weir.cache.LockManager.fileLocks(storage.resolve("locks")));
            }
        });
    }

    <T> T flows(Class<T> type) {
        return weir.flows(type);
    }

    FlowRun onlyFlowRun() {
        List<FlowRun> runs = orchestrator.flowRuns();
        if (runs.size() != 1) {
            throw new AssertionError("expected one flow run, got " + runs);
        }
        return runs.getFirst();
    }

    List<TaskRun> taskRuns(FlowRun run) {
        return orchestrator.taskRuns(run.id());
    }

    List<String> stateNames(TaskRun run) {
        return orchestrator.taskRunStates(run.id()).stream().map(State::name).toList();
    }

    List<String> stateNames(FlowRun run) {
        return orchestrator.flowRunStates(run.id()).stream().map(State::name).toList();
    }

    List<String> logMessages(FlowRun run) {
        return orchestrator.logs(run.id()).stream().map(l -> l.message()).toList();
    }

    @Override
    public void close() {
        weir.close();
    }
}
