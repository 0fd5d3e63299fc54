package dev.weir.orchestration;

import dev.weir.state.StateTransitions;

/** What the transition table forbids is refused, whatever the earlier rules let through. */
final class KnownTransitionsOnly implements FlowRunRule {

    @Override
    public RuleResult apply(Transition transition) {
        if (!StateTransitions.isAllowed(transition.current().type(), transition.proposed().type())) {
            return RuleResult.abort(transition.current(), "a flow run cannot move from " + transition.current().type()
                    + " to " + transition.proposed().type());
        }
        return RuleResult.proceed(transition.proposed());
    }
}
