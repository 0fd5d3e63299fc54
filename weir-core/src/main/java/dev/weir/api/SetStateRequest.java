package dev.weir.api;

import dev.weir.state.State;

/**
 * The body of {@code POST /api/flow_runs/{id}/set_state}.
 *
 * @param force skip the orchestration rules (for operators correcting a run by hand)
 */
public record SetStateRequest(State state, boolean force) {}
