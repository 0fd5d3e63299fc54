package dev.weir.orchestration;

import dev.weir.orchestrator.StateDecision;
import dev.weir.state.State;

/** What a rule made of a transition: go on to the next rule (perhaps with a changed proposal), or decide. */
public sealed interface RuleResult {

    /** Let the next rule see {@code proposal}. */
    record Proceed(State proposal) implements RuleResult {}

    /** Stop here with this decision; nothing is written unless the decision says so. */
    record Decide(StateDecision decision, boolean write) implements RuleResult {}

    static RuleResult proceed(State proposal) {
        return new Proceed(proposal);
    }

    static RuleResult abort(State current, String reason) {
        return new Decide(new StateDecision.Abort(current, reason), false);
    }

    static RuleResult waitFor(State current, java.time.Duration delay, String reason) {
        return new Decide(new StateDecision.Wait(current, delay, reason), false);
    }

    /** Accept the current state as it is: the proposal was already applied. */
    static RuleResult unchanged(State current) {
        return new Decide(new StateDecision.Accept(current), false);
    }

    /** Write {@code replacement} instead of the proposal and tell the client so. */
    static RuleResult reject(State replacement, String reason) {
        return new Decide(new StateDecision.Reject(replacement, reason), true);
    }
}
