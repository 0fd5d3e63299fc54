package dev.weir.server.store;

/**
 * The answer to a create: the run as stored, and whether this call inserted it ({@code false} when
 * the id or the (flow, idempotency key) pair already existed and the existing run is returned).
 */
public record CreatedFlowRun(FlowRunRecord run, boolean inserted) {}
