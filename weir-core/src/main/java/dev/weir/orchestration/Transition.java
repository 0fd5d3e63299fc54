package dev.weir.orchestration;

import dev.weir.run.FlowRun;
import dev.weir.state.State;
import java.time.Instant;

/**
 * A proposed move of a flow run to a new state, as the rules see it.
 *
 * @param run the run as currently stored
 * @param proposed the state proposed, possibly already changed by earlier rules
 * @param now the orchestrator's clock; rules use it, never the client's timestamps, to judge time
 */
public record Transition(FlowRun run, State proposed, Instant now) {

    public State current() {
        return run.state();
    }

    /** This transition with another proposal, for a rule that renames or reschedules it. */
    public Transition propose(State state) {
        return new Transition(run, state, now);
    }
}
