package dev.weir.server.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The flows the server knows, one per unique name. Thread-safe. */
public interface FlowStore {

    /** The id of the flow named {@code name}, creating it (first seen at {@code now}) if it is new. */
    UUID upsert(String name, Instant now);

    Optional<FlowRecord> read(UUID id);

    Optional<FlowRecord> readByName(String name);

    /** Flows ordered by name. */
    List<FlowRecord> list(Page page);

    long count();
}
