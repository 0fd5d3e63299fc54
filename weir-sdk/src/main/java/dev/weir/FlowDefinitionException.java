package dev.weir;

import dev.weir.core.WeirException;

/**
 * A class given to {@link Weir#flows(Class)} cannot be orchestrated: the message names the class or
 * method and what is wrong with it.
 */
public class FlowDefinitionException extends WeirException {

    public FlowDefinitionException(String message) {
        super(message);
    }

    public FlowDefinitionException(String message, Throwable cause) {
        super(message, cause);
    }
}
