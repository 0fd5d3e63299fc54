package dev.weir.api;

import dev.weir.orchestrator.StateDecision;
import dev.weir.state.State;
import java.time.Duration;

/**
 * The answer to a proposed state: {@code ACCEPT}, {@code REJECT}, {@code WAIT} or {@code ABORT}, the
 * state the run is in afterwards, the reason, and for WAIT the seconds to wait before proposing again.
 */
public record SetStateResponse(String status, State state, String reason, Double delaySeconds) {

    public static SetStateResponse of(StateDecision decision) {
        return switch (decision) {
            case StateDecision.Accept accept -> new SetStateResponse("ACCEPT", accept.state(), null, null);
            case StateDecision.Reject reject -> new SetStateResponse("REJECT", reject.state(), reject.reason(), null);
            case StateDecision.Wait wait ->
                    new SetStateResponse("WAIT", wait.state(), wait.reason(), wait.delay().toNanos() / 1e9);
            case StateDecision.Abort abort -> new SetStateResponse("ABORT", abort.state(), abort.reason(), null);
        };
    }

    /** The decision this answer carries. */
    public StateDecision toDecision() {
        return switch (status) {
            case "ACCEPT" -> new StateDecision.Accept(state);
            case "REJECT" -> new StateDecision.Reject(state, reason);
            case "WAIT" -> new StateDecision.Wait(state,
                    Duration.ofNanos((long) ((delaySeconds == null ? 0 : delaySeconds) * 1e9)), reason);
            case "ABORT" -> new StateDecision.Abort(state, reason);
            default -> throw new IllegalArgumentException("Unknown set_state status '" + status
                    + "'; expected ACCEPT, REJECT, WAIT or ABORT");
        };
    }
}
