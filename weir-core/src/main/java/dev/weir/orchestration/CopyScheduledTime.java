package dev.weir.orchestration;

import dev.weir.state.StateType;
import java.time.Instant;

/** Moving from SCHEDULED to PENDING keeps the time the run was scheduled for. */
final class CopyScheduledTime implements FlowRunRule {

    @Override
    public RuleResult apply(Transition transition) {
        Instant due = transition.current().details().scheduledTime();
        if (transition.current().type() == StateType.SCHEDULED
                && transition.proposed().type() == StateType.PENDING
                && due != null
                && transition.proposed().details().scheduledTime() == null) {
            return RuleResult.proceed(transition.proposed().withDetails(
                    transition.proposed().details().withScheduledTime(due)));
        }
        return RuleResult.proceed(transition.proposed());
    }
}
