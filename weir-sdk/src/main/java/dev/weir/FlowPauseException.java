package dev.weir;

import dev.weir.core.WeirException;

/**
 * A pause of a flow run did not end in a resume: it timed out, the run was cancelled while paused, it
 * was called outside a flow, or the resume's input was not what the pause waits for. Thrown by {@link
 * Weir#pause}; left uncaught it ends the run Failed (Cancelled when the run was cancelled).
 */
public class FlowPauseException extends WeirException {

    public FlowPauseException(String message) {
        super(message);
    }
}
