package dev.weir.server.store;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Work done on one JDBC connection: a read, or a write request that runs inside a transaction.
 *
 * <p>The work must not commit, roll back or change the connection's auto-commit mode, and must not
 * keep the connection after it returns.
 */
@FunctionalInterface
public interface SqlWork<T> {

    /** Does the work on {@code connection} and returns its result. */
    T run(Connection connection) throws SQLException;
}
