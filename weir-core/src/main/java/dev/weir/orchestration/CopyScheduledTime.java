package dev.weir.orchestration;

import dev.weir.state.StateType;
import java.time.Instant;

/**
 * Moving from SCHEDULED to PENDING, and renaming PENDING (Submitting, InfrastructurePending), keeps the
 * time the run was scheduled for, so a run claimed ahead of its time still waits for it.
 */
final class CopyScheduledTime implements FlowRunRule {

    @Override
    public RuleResult apply(Transition transition) {
        Instant due = transition.current().details().scheduledTime();
        StateType from = transition.current().type();
        if ((from == StateType.SCHEDULED || from == StateType.PENDING)
                && transition.proposed().type() == StateType.PENDING
                && due != null
                && transition.proposed().details().scheduledTime() == null) {
            return RuleResult.proceed(transition.proposed().withDetails(
                    transition.proposed().details().withScheduledTime(due)));
        }
        return RuleResult.proceed(transition.proposed());
    }
}
