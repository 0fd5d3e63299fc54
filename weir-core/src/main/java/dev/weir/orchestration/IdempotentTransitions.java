package dev.weir.orchestration;

import java.util.UUID;

/**
 * A proposal carrying the transition id of the current state was already applied (a client retried
 * it): answer with the current state and write nothing.
 */
final class IdempotentTransitions implements FlowRunRule {

    @Override
    public RuleResult apply(Transition transition) {
        UUID id = transition.proposed().details().transitionId();
        if (id != null && id.equals(transition.current().details().transitionId())) {
            return RuleResult.unchanged(transition.current());
        }
        return RuleResult.proceed(transition.proposed());
    }
}
