package dev.weir.server.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Work pools, one per name; each has a {@code default} queue from its creation. Thread-safe. */
public interface WorkPoolStore {

    /** The queue every pool gets when it is created. */
    String DEFAULT_QUEUE = "default";

    /**
     * Creates the pool with its {@code default} queue (priority 1) or, when one of that name exists,
     * replaces its fields, keeping its id, creation time and queues.
     */
    UpsertedWorkPool upsert(NewWorkPool pool, Instant now);

    Optional<WorkPoolRecord> read(String name);

    /**
     * Reads the pool for a claim: inside {@link Database#inTransaction} on PostgreSQL the row stays
     * locked until the transaction ends, so claimers of one pool count its active runs one at a time
     * (on SQLite the single writer already excludes them).
     */
    Optional<WorkPoolRecord> readForUpdate(String name);

    /** All pools, by name. */
    List<WorkPoolRecord> list();

    /** Deletes the pool with its queues and workers; its deployments keep the name. False if there was none. */
    boolean delete(String name);

    /** Pauses or resumes the pool; false if there is none of that name. */
    boolean setPaused(String name, boolean paused, Instant now);
}
