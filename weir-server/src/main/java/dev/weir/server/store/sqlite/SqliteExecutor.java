package dev.weir.server.store.sqlite;

import dev.weir.server.store.SqlExecutor;
import dev.weir.server.store.SqlWork;
import dev.weir.server.store.StoreException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Runs a SQLite database's work: writes through the single {@link SqliteWriter}, reads on a
 * {@link SqliteReadPool} of read-only connections.
 */
public final class SqliteExecutor implements SqlExecutor {

    private final SqliteWriter writer;
    private final SqliteReadPool readers;

    private SqliteExecutor(SqliteWriter writer, SqliteReadPool readers) {
        this.writer = writer;
        this.readers = readers;
    }

    /**
     * Opens the database file (creating it and its folder if missing).
     *
     * @param queueCapacity write requests that may wait before a write is refused
     * @param maxBatch most write requests committed together
     * @param readConnections read-only connections to keep
     */
    public static SqliteExecutor open(Path file, int queueCapacity, int maxBatch, int readConnections) {
        Connection writeConnection = null;
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            writeConnection = SqliteConnections.openWriter(file);
            SqliteWriter writer = new SqliteWriter(writeConnection, queueCapacity, maxBatch, "weir-sqlite-writer");
            try {
                return new SqliteExecutor(writer, new SqliteReadPool(file, readConnections));
            } catch (SQLException e) {
                writer.close();
                throw e;
            }
        } catch (IOException | SQLException e) {
            closeQuietly(writeConnection);
            throw new StoreException("Cannot open the SQLite database " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public <T> T read(SqlWork<T> work) {
        return readers.read(work);
    }

    @Override
    public <T> T write(SqlWork<T> work) {
        return writer.submit(work);
    }

    @Override
    public void close() {
        try {
            writer.close();
        } finally {
            readers.close();
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // Already failing to open; the first error is the one to report.
            }
        }
    }
}
