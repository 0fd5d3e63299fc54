package dev.weir.server.store.sqlite;

import dev.weir.server.store.SqlWork;
import dev.weir.server.store.StoreException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * A fixed set of read-only SQLite connections; a read waits for a free one. In WAL mode readers see
 * the last commit and neither wait for the writer nor hold it up.
 */
final class SqliteReadPool implements AutoCloseable {

    private final BlockingQueue<Connection> idle;
    private final List<Connection> all = new ArrayList<>();

    SqliteReadPool(Path file, int size) throws SQLException {
        this.idle = new ArrayBlockingQueue<>(size);
        try {
            for (int i = 0; i < size; i++) {
                Connection connection = SqliteConnections.openReader(file);
                all.add(connection);
                idle.add(connection);
            }
        } catch (SQLException e) {
            close();
            throw e;
        }
    }

    /** Runs {@code work} on a free read-only connection. */
    <T> T read(SqlWork<T> work) {
        Connection connection;
        try {
            connection = idle.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("Interrupted while waiting for a read connection", e);
        }
        try {
            return work.run(connection);
        } catch (SQLException e) {
            throw new StoreException("A read failed: " + e.getMessage(), e);
        } finally {
            idle.add(connection);
        }
    }

    @Override
    public void close() {
        for (Connection connection : all) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // Closing at shutdown: a connection that will not close has nothing left to lose.
            }
        }
    }
}
