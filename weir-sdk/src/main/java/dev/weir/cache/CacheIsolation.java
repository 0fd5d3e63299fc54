package dev.weir.cache;

/** How concurrent task runs with the same cache key are isolated from one another. */
public enum CacheIsolation {
    /** The default: runs with the same key may execute at once; the last to commit writes the record. */
    READ_COMMITTED,
    /** Runs with the same key take a {@link LockManager} lock, so one executes and the rest read its record. */
    SERIALIZABLE
}
