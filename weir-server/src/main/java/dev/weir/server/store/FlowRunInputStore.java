package dev.weir.server.store;

import java.util.Optional;
import java.util.UUID;

/** Inputs sent to flow runs, such as the input a resume carries to a paused run, by run and key. */
public interface FlowRunInputStore {

    /** Stores {@code value} (a JSON-ready value) under {@code key} for the run, replacing an earlier one. */
    void put(UUID flowRunId, String key, Object value, java.time.Instant now);

    /** The value stored under {@code key} for the run. */
    Optional<Object> read(UUID flowRunId, String key);
}
