package dev.weir.server.store;

/** The pool as stored after an upsert, and whether it was created. */
public record UpsertedWorkPool(WorkPoolRecord pool, boolean inserted) {}
