package dev.weir.server.store;

import dev.weir.state.State;
import java.util.UUID;

/** One row of a run's state history: the state and the run it was entered by. */
public record StateRecord(UUID id, UUID runId, State state) {}
