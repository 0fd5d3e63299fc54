package dev.weir;

import dev.weir.core.WeirException;
import dev.weir.state.State;

/** A task run did not complete: it failed, timed out, or did not run because an upstream failed. */
public class TaskRunException extends WeirException {

    private final transient State state;

    public TaskRunException(String message, State state, Throwable cause) {
        super(message, cause);
        this.state = state;
    }

    /** The task run's final state. */
    public State state() {
        return state;
    }
}
