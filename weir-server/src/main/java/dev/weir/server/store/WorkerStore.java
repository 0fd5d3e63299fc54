package dev.weir.server.store;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The workers of work pools. Thread-safe. */
public interface WorkerStore {

    /** Records a beat of the pool's worker {@code name}, creating it if new; it is ONLINE again. */
    WorkerRecord heartbeat(UUID poolId, String name, Instant now);

    /** The pool's workers, by name. */
    List<WorkerRecord> list(UUID poolId);

    /** Marks OFFLINE every ONLINE worker whose last beat is before {@code before}; returns how many. */
    int markOffline(Instant before);
}
