package dev.weir;

import dev.weir.core.WeirException;
import dev.weir.state.State;
import java.util.UUID;

/**
 * A flow run called directly did not complete. Carries the run's final state; the cause is the
 * exception that ended it, if any.
 */
public class FlowRunException extends WeirException {

    private final transient State state;
    private final UUID flowRunId;

    public FlowRunException(String message, UUID flowRunId, State state, Throwable cause) {
        super(message, cause);
        this.flowRunId = flowRunId;
        this.state = state;
    }

    /** The flow run's final state. */
    public State state() {
        return state;
    }

    public UUID flowRunId() {
        return flowRunId;
    }
}
