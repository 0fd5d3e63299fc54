package dev.weir.server.store;

/**
 * Tuning of a database's connections; {@link #defaults()} suits one server.
 *
 * @param writeQueueCapacity SQLite: write requests that may wait for the writer before a write is
 *     refused with {@link WriteQueueFullException}
 * @param maxGroupCommit SQLite: most write requests committed in one transaction
 * @param readConnections SQLite: read-only connections beside the writer's
 * @param poolSize PostgreSQL: most pooled connections
 */
public record DatabaseOptions(int writeQueueCapacity, int maxGroupCommit, int readConnections, int poolSize) {

    public DatabaseOptions {
        positive("writeQueueCapacity", writeQueueCapacity);
        positive("maxGroupCommit", maxGroupCommit);
        positive("readConnections", readConnections);
        positive("poolSize", poolSize);
    }

    /** A queue of 1,024 writes, group commits of up to 256, 4 SQLite readers, 15 PostgreSQL connections. */
    public static DatabaseOptions defaults() {
        return new DatabaseOptions(1024, 256, 4, 15);
    }

    public DatabaseOptions withWriteQueueCapacity(int capacity) {
        return new DatabaseOptions(capacity, maxGroupCommit, readConnections, poolSize);
    }

    public DatabaseOptions withReadConnections(int count) {
        return new DatabaseOptions(writeQueueCapacity, maxGroupCommit, count, poolSize);
    }

    private static void positive(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be 1 or more, got " + value);
        }
    }
}
