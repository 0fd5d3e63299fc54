package dev.weir.cache;

import dev.weir.core.WeirException;

import java.time.Duration;

/** Thrown when an isolation lock cannot be acquired in time (or the wait is interrupted). */
public class LockTimeoutException extends WeirException {

    private static final long serialVersionUID = 1L;

    /** Creates an exception whose message names the key, the wait and what to do. */
    public LockTimeoutException(String key, Duration timeout, String detail) {
        super("Could not acquire the isolation lock on cache key '" + key + "' within " + timeout + " (" + detail
                + "): another task run with the same cache key still holds it. Raise the lock timeout,"
                + " or use CacheIsolation.READ_COMMITTED if duplicate runs are acceptable.");
    }
}
