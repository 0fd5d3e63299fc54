package dev.weir.server.store;

/**
 * Runs reads and writes on a dialect's connections; the seam between the stores and the SQLite or
 * PostgreSQL connection handling. Not meant for callers outside the storage packages.
 *
 * <p>Implementations are thread-safe. A write is atomic and committed when {@link #write} returns;
 * if it throws, nothing it did is kept. Exceptions the work throws reach the caller unchanged when
 * unchecked; an {@link java.sql.SQLException} arrives wrapped in a {@link StoreException}.
 */
public interface SqlExecutor extends AutoCloseable {

    /** Runs {@code work} on a connection that sees every committed write. */
    <T> T read(SqlWork<T> work);

    /** Runs {@code work} in a transaction of its own (on SQLite: a savepoint of a group commit). */
    <T> T write(SqlWork<T> work);

    /** Stops accepting work, finishes what was accepted and closes the connections. */
    @Override
    void close();
}
