package dev.weir.orchestration;

import dev.weir.state.StateType;

/**
 * A finished run may be rerun (SCHEDULED, PENDING, RUNNING) or corrected to another final type, but
 * never moved to CANCELLING, PAUSED or CRASHED.
 */
final class LeaveFinalStatesOnlyAsAllowed implements FlowRunRule {

    @Override
    public RuleResult apply(Transition transition) {
        StateType to = transition.proposed().type();
        if (transition.current().isFinal()
                && (to == StateType.CANCELLING || to == StateType.PAUSED || to == StateType.CRASHED)) {
            return RuleResult.abort(transition.current(), "the run has finished in state " + transition.current()
                    + "; it cannot become " + transition.proposed().name());
        }
        return RuleResult.proceed(transition.proposed());
    }
}
