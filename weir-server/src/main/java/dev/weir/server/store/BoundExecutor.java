package dev.weir.server.store;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Runs every read and write on one connection inside an open transaction: the executor of the
 * stores handed to {@link Database#inTransaction}. Reads see the transaction's own writes.
 */
final class BoundExecutor implements SqlExecutor {

    private final Connection connection;

    BoundExecutor(Connection connection) {
        this.connection = connection;
    }

    @Override
    public <T> T read(SqlWork<T> work) {
        return write(work);
    }

    @Override
    public <T> T write(SqlWork<T> work) {
        try {
            return work.run(connection);
        } catch (SQLException e) {
            throw new StoreException("A write failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        // The transaction's owner closes the connection.
    }
}
