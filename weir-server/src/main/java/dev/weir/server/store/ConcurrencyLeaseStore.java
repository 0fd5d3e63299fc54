package dev.weir.server.store;

import java.time.Instant;
import java.util.UUID;

/**
 * Slots of deployments' concurrency limits, as leases: a run holds one while it executes, renews it
 * with its heartbeats and gives it back when it ends; a lease its holder stopped renewing expires, so
 * a dead holder cannot keep a slot. Only live leases ({@code expires > now}) count.
 */
public interface ConcurrencyLeaseStore {

    /** How many live leases the deployment has at {@code now}. */
    long active(UUID deploymentId, Instant now);

    /** Gives the run a lease on one of the deployment's slots until {@code expires} (a new lease, or its own renewed). */
    void acquire(UUID deploymentId, UUID flowRunId, Instant expires, Instant now);

    /** Extends the run's lease to {@code expires}; false if it holds none. */
    boolean renew(UUID flowRunId, Instant expires);

    /** Gives the run's lease back, if it holds one. */
    void release(UUID flowRunId);

    /** Deletes leases expired before {@code now}; returns how many. */
    int deleteExpired(Instant now);
}
