package dev.weir.client;

import dev.weir.orchestrator.StateDecision;
import dev.weir.run.FlowRun;
import dev.weir.state.State;
import dev.weir.state.StateTransitions;
import dev.weir.state.StateType;
import java.time.Duration;
import java.time.Instant;

/**
 * The orchestration rules the in-memory orchestrator applies to proposed flow-run states, in order:
 * idempotent transitions, the transition table, no double start, wait for the scheduled time,
 * retries, then bookkeeping. The server keeps the full policy, one class per rule.
 */
final class FlowRunRules {

    private FlowRunRules() {}

    /** What becomes of {@code proposed} for {@code run} at {@code now}; the run to store is in {@link Result}. */
    record Result(StateDecision decision, FlowRun run) {}

    static Result apply(FlowRun run, State proposed, Instant now) {
        State current = run.state();
        if (proposed.details().transitionId() != null
                && proposed.details().transitionId().equals(current.details().transitionId())) {
            return new Result(new StateDecision.Accept(current), run);
        }
        if (!StateTransitions.isAllowed(current.type(), proposed.type())) {
            return new Result(new StateDecision.Abort(current,
                    "a flow run cannot move from " + current + " to " + proposed), run);
        }
        if (current.type() == StateType.PENDING && proposed.type() == StateType.PENDING
                && !State.SUBMITTING.equals(proposed.name()) && !State.INFRASTRUCTURE_PENDING.equals(proposed.name())) {
            return new Result(new StateDecision.Abort(current, "the run is already Pending; it cannot start twice"), run);
        }
        if (proposed.type() == StateType.RUNNING && current.type() == StateType.SCHEDULED) {
            Instant due = current.details().scheduledTime();
            if (due != null && due.isAfter(now)) {
                return new Result(new StateDecision.Wait(current, Duration.between(now, due),
                        "the run is scheduled for " + due), run);
            }
        }
        State accepted = proposed;
        boolean retry = current.type() == StateType.RUNNING
                && proposed.type() == StateType.FAILED
                && proposed.details().retriable()
                && run.runCount() <= run.policy().retries();
        if (retry) {
            Instant due = now.plus(Duration.ofNanos((long) (run.policy().retryDelaySeconds() * 1e9)));
            accepted = State.awaitingRetry(proposed.timestamp(), due, proposed.message());
        }
        FlowRun updated = bookkeeping(run, accepted);
        StateDecision decision = retry
                ? new StateDecision.Reject(accepted, "retry " + run.runCount() + "/" + run.policy().retries())
                : new StateDecision.Accept(accepted);
        return new Result(decision, updated);
    }

    /** Run count +1 on RUNNING, start time on the first RUNNING, end time on a final state, run time. */
    static FlowRun bookkeeping(FlowRun run, State next) {
        Instant at = next.timestamp();
        Duration runTime = run.totalRunTime();
        if (run.state().type() == StateType.RUNNING) {
            runTime = runTime.plus(Duration.between(run.state().timestamp(), at));
        }
        int runCount = run.runCount() + (next.type() == StateType.RUNNING ? 1 : 0);
        Instant start = run.startTime() == null && next.type() == StateType.RUNNING ? at : run.startTime();
        Instant end = next.isFinal() ? at : null;
        return run.with(next, runCount, start, end, runTime);
    }
}
