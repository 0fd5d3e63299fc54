package dev.weir.orchestration;

import dev.weir.state.State;
import dev.weir.state.StateType;
import java.util.EnumSet;
import java.util.Set;

/**
 * Into PENDING from PENDING, RUNNING, CANCELLING or CANCELLED aborts, so of several claimants only one
 * starts a run. PENDING to PENDING is allowed only to rename it Submitting or InfrastructurePending.
 */
final class NoDoubleStart implements FlowRunRule {

    private static final Set<StateType> STARTED =
            EnumSet.of(StateType.PENDING, StateType.RUNNING, StateType.CANCELLING, StateType.CANCELLED);

    @Override
    public RuleResult apply(Transition transition) {
        if (transition.proposed().type() != StateType.PENDING || !STARTED.contains(transition.current().type())) {
            return RuleResult.proceed(transition.proposed());
        }
        String name = transition.proposed().name();
        boolean rename = transition.current().type() == StateType.PENDING
                && (State.SUBMITTING.equals(name) || State.INFRASTRUCTURE_PENDING.equals(name));
        if (rename) {
            return RuleResult.proceed(transition.proposed());
        }
        return RuleResult.abort(transition.current(), "the run is already " + transition.current().name()
                + "; it cannot be started again");
    }
}
