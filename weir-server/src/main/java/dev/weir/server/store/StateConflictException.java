package dev.weir.server.store;

import java.util.UUID;

/**
 * A compare-and-set state write found the run at another version than the writer read, so another
 * writer got there first and nothing was written. Read the run again, decide again, write again.
 */
public final class StateConflictException extends StoreException {

    private final UUID runId;
    private final long expectedVersion;

    public StateConflictException(UUID runId, long expectedVersion) {
        super("Flow run " + runId + " is no longer at version " + expectedVersion
                + " (another writer changed its state, or it was deleted); read it again and retry");
        this.runId = runId;
        this.expectedVersion = expectedVersion;
    }

    public UUID runId() {
        return runId;
    }

    public long expectedVersion() {
        return expectedVersion;
    }
}
