package dev.weir.server.store;

import java.time.Instant;
import java.util.UUID;

/** A flow known to the server: its id, its unique name and when it was first seen. */
public record FlowRecord(UUID id, String name, Instant created) {}
