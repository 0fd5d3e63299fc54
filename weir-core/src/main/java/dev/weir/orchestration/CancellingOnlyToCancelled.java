package dev.weir.orchestration;

import dev.weir.state.StateType;

/** A run being cancelled can only end Cancelled. */
final class CancellingOnlyToCancelled implements FlowRunRule {

    @Override
    public RuleResult apply(Transition transition) {
        if (transition.current().type() == StateType.CANCELLING && transition.proposed().type() != StateType.CANCELLED) {
            return RuleResult.abort(transition.current(), "the run is Cancelling; it can only become Cancelled, not "
                    + transition.proposed().name());
        }
        return RuleResult.proceed(transition.proposed());
    }
}
