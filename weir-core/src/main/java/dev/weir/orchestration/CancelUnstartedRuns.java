package dev.weir.orchestration;

import dev.weir.state.State;
import dev.weir.state.StateType;

/**
 * Cancelling a run that nothing executes yet, a SCHEDULED run or a {@code Suspended} one (its
 * infrastructure released), ends it Cancelled at once: there is no process to stop and wait for.
 */
final class CancelUnstartedRuns implements FlowRunRule {

    @Override
    public RuleResult apply(Transition transition) {
        State current = transition.current();
        boolean unstarted = current.type() == StateType.SCHEDULED
                || (current.type() == StateType.PAUSED && State.SUSPENDED.equals(current.name()));
        if (transition.proposed().type() == StateType.CANCELLING && unstarted) {
            State proposed = transition.proposed();
            return RuleResult.proceed(new State(StateType.CANCELLED, State.CANCELLED, proposed.message(),
                    proposed.timestamp(), proposed.details()));
        }
        return RuleResult.proceed(transition.proposed());
    }
}
