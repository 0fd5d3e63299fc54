package dev.weir.orchestration;

import dev.weir.state.State;
import dev.weir.state.StateType;

/** Only a SCHEDULED run may be renamed {@code Late}; a run that has moved on since keeps its state. */
final class LateOnlyFromScheduled implements FlowRunRule {

    @Override
    public RuleResult apply(Transition transition) {
        boolean late = transition.proposed().type() == StateType.SCHEDULED
                && State.LATE.equals(transition.proposed().name());
        if (late && transition.current().type() != StateType.SCHEDULED) {
            return RuleResult.abort(transition.current(), "only a SCHEDULED run may be marked Late; this run is "
                    + transition.current().name());
        }
        return RuleResult.proceed(transition.proposed());
    }
}
