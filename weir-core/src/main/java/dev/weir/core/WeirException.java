package dev.weir.core;

/**
 * The root of every exception Weir throws. Unchecked; its message says what was wrong, the value
 * received and what is accepted.
 */
public class WeirException extends RuntimeException {

    public WeirException(String message) {
        super(message);
    }

    public WeirException(String message, Throwable cause) {
        super(message, cause);
    }
}
