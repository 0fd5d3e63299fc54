package dev.weir.server.store;

import java.time.Instant;
import java.util.UUID;

/** A worker of a pool as last heard from. */
public record WorkerRecord(UUID id, UUID poolId, String name, Instant lastHeartbeat, Status status) {

    /** Whether the worker still beats. */
    public enum Status {
        ONLINE,
        OFFLINE
    }
}
