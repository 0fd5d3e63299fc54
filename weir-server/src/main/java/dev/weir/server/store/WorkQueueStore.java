package dev.weir.server.store;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The queues of work pools, and the runs they may hand out. Thread-safe. */
public interface WorkQueueStore {

    /**
     * Creates the queue of the pool, or updates the one of that name (keeping its priority when the
     * new one is null).
     *
     * @throws StoreException if another queue of the pool has that priority
     */
    WorkQueueRecord upsert(UUID poolId, NewWorkQueue queue, Instant now);

    Optional<WorkQueueRecord> read(UUID poolId, String name);

    /** The pool's queues, highest priority (1) first. */
    List<WorkQueueRecord> list(UUID poolId);

    /** Records that a worker polled the queues. */
    void markPolled(Collection<UUID> queueIds, Instant now);

    /**
     * How many runs are PENDING, RUNNING or CANCELLING from deployments on the pool, or from its queue
     * when {@code queueName} is not null.
     */
    long active(String poolName, String queueName);

    /**
     * Due SCHEDULED runs of the deployments on the pool and queue (a deployment without a queue is on
     * {@code default}), earliest first, at most {@code limit}. Inside {@link Database#inTransaction}
     * on PostgreSQL the rows are locked until commit and rows another transaction holds are skipped,
     * so concurrent claimers get different runs.
     */
    List<FlowRunRecord> dueRuns(String poolName, String queueName, Instant before, int limit);

    /** Records which queue handed out the run. */
    void assign(UUID flowRunId, UUID queueId);
}
