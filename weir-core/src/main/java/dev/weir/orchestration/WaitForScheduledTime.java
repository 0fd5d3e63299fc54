package dev.weir.orchestration;

import dev.weir.state.StateType;
import java.time.Duration;
import java.time.Instant;

/** A run may not start RUNNING before its scheduled time, by the orchestrator's clock: WAIT the rest. */
final class WaitForScheduledTime implements FlowRunRule {

    @Override
    public RuleResult apply(Transition transition) {
        StateType from = transition.current().type();
        if (transition.proposed().type() != StateType.RUNNING || (from != StateType.SCHEDULED && from != StateType.PENDING)) {
            return RuleResult.proceed(transition.proposed());
        }
        Instant due = transition.current().details().scheduledTime();
        if (due != null && due.isAfter(transition.now())) {
            return RuleResult.waitFor(transition.current(), Duration.between(transition.now(), due),
                    "the run is scheduled for " + due);
        }
        return RuleResult.proceed(transition.proposed());
    }
}
