package dev.weir.orchestration;

import dev.weir.run.FlowRun;
import dev.weir.state.State;
import dev.weir.state.StateType;
import java.time.Duration;
import java.time.Instant;

/**
 * A RUNNING run proposed FAILED while it has retries left ({@code runCount <= retries}) and the failure
 * is retriable becomes AwaitingRetry, due after the run's retry delay; its message is kept. A RUNNING
 * run proposed CRASHED is retried alike when its policy retries crashes (deployment runs: a worker
 * takes the retry up); the crash counts as an attempt.
 */
final class RetryFailedRuns implements FlowRunRule {

    @Override
    public RuleResult apply(Transition transition) {
        FlowRun run = transition.run();
        State proposed = transition.proposed();
        boolean retry = transition.current().type() == StateType.RUNNING
                && (proposed.type() == StateType.FAILED
                        || (proposed.type() == StateType.CRASHED && run.policy().retryCrashes()))
                && proposed.details().retriable()
                && run.runCount() <= run.policy().retries();
        if (!retry) {
            return RuleResult.proceed(proposed);
        }
        Instant due = transition.now().plus(Duration.ofNanos((long) (run.policy().retryDelaySeconds() * 1e9)));
        State awaiting = State.awaitingRetry(proposed.timestamp(), due, proposed.message())
                .withDetails(proposed.details().withScheduledTime(due));
        return RuleResult.reject(awaiting, "retry " + run.runCount() + " of " + run.policy().retries());
    }
}
