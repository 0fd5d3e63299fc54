package dev.weir.orchestrator;

import dev.weir.state.State;
import java.time.Duration;

/** What the orchestrator made of a proposed state. */
public sealed interface StateDecision {

    /** The state the run is in after the decision. */
    State state();

    /** The proposal was accepted; {@code state} is the state as written (possibly renamed). */
    record Accept(State state) implements StateDecision {}

    /** The proposal was replaced: the run is now in {@code state} instead (for example AwaitingRetry). */
    record Reject(State state, String reason) implements StateDecision {}

    /** Propose again after {@code delay}; the run stays in {@code state}. */
    record Wait(State state, Duration delay, String reason) implements StateDecision {}

    /** The proposal must not be retried; the run stays in {@code state}. */
    record Abort(State state, String reason) implements StateDecision {}
}
