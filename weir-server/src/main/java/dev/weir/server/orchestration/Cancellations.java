package dev.weir.server.orchestration;

import dev.weir.orchestration.FlowRunPolicy;
import dev.weir.run.TaskRun;
import dev.weir.server.store.FlowRunRecord;
import dev.weir.server.store.Stores;
import dev.weir.state.State;
import dev.weir.state.StateType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What a cancelled flow run takes with it, in the transaction that cancelled it: its unfinished task
 * runs end Cancelled; its inline subflows (they ran in its process) end Cancelled with their own task
 * runs and subflows; its child deployment runs (other processes) are asked to cancel, so their workers
 * stop them.
 */
final class Cancellations {

    private Cancellations() {}

    static void cascade(Stores tx, FlowRunRecord cancelled, Instant now) {
        String message = "Cancelled with its parent flow run " + cancelled.run().name();
        List<TaskRun> unfinished = tx.taskRuns().listByFlowRun(cancelled.id()).stream()
                .filter(task -> !task.state().isFinal())
                .map(task -> cancel(task, now, message))
                .toList();
        if (!unfinished.isEmpty()) {
            tx.taskRuns().upsert(unfinished);
            tx.events().insertAll(unfinished.stream().map(task -> StateEvents.taskRun(task, now)).toList());
        }
        for (FlowRunRecord child : tx.flowRuns().unfinishedChildren(cancelled.id())) {
            boolean inline = child.deploymentId() == null;
            State proposed = inline ? State.cancelled(now, message)
                    : State.of(StateType.CANCELLING, State.CANCELLING, message, now);
            FlowRunPolicy policy = inline ? FlowRunPolicy.forced() : FlowRunPolicy.standard();
            FlowRunPolicy.Outcome outcome = policy.apply(child.run(), proposed, now);
            if (outcome.written()) {
                FlowRunRecord written = tx.flowRuns().writeState(child.id(), child.version(), outcome.run());
                tx.events().insert(StateEvents.flowRun(outcome.run(), child.run().state(), now));
                FlowRunOrchestrator.afterWrite(tx, written, now);
            }
        }
    }

    private static TaskRun cancel(TaskRun task, Instant now, String message) {
        Duration runTime = task.totalRunTime();
        if (task.state().type() == StateType.RUNNING && now.isAfter(task.state().timestamp())) {
            runTime = runTime.plus(Duration.between(task.state().timestamp(), now));
        }
        return task.with(State.cancelled(now, message), task.runCount(), task.startTime(), now, runTime);
    }
}
