package dev.weir.server.store;

import dev.weir.core.WeirException;

/** A database operation failed; the message names the operation, the cause is the driver's error. */
public class StoreException extends WeirException {

    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
