package dev.weir.server.store;

/**
 * The locks that make a background service a singleton among the servers sharing one database (R7):
 * a service runs a round only while one of its instances holds the lock named after it. On PostgreSQL
 * each lock is a session advisory lock ({@code pg_try_advisory_lock}) taken on a connection of its own,
 * outside the pool, so it is held until released, until {@link #close}, or until that connection is
 * lost (the server then releases it and another server may take it). On SQLite there is one server per
 * file and every caller wins ({@link #NONE}).
 *
 * <p>Within one process a lock has one holder at a time too: a second holder asking for a lock the
 * first holds is refused, as it would be from another server. Thread-safe.
 */
public interface ServiceLocks extends AutoCloseable {

    /** Locks every holder wins at once: for a database only one server uses. */
    ServiceLocks NONE = new ServiceLocks() {
        @Override
        public boolean hold(String service, Object holder) {
            return true;
        }

        @Override
        public void release(String service, Object holder) {}

        @Override
        public void close() {}
    };

    /**
     * Whether {@code holder} holds the lock of {@code service} now, taking it when it is free. A
     * holder keeps the lock from call to call; each call checks it still does (false when its
     * connection was lost in between, until it wins the lock again).
     */
    boolean hold(String service, Object holder);

    /** Gives the lock of {@code service} up if {@code holder} holds it. */
    void release(String service, Object holder);

    /** Gives every lock up. */
    @Override
    void close();
}
