package dev.weir.server.store;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.CRC32;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link ServiceLocks} on PostgreSQL: session advisory locks, keyed {@code (NAMESPACE, crc32(service))}
 * (the two-key form, apart from the migration lock's one bigint), on one dedicated connection opened
 * when first needed and again after it is lost; losing it loses every lock it held, so each {@link
 * #hold} first checks it is still valid.
 */
final class PostgresServiceLocks implements ServiceLocks {

    /** The first key of every service lock: "WEIR" in ASCII. */
    static final int NAMESPACE = 0x57454952;
    private static final Logger LOG = LoggerFactory.getLogger(PostgresServiceLocks.class);

    /** Opens a new connection, outside any pool. */
    interface Connector {
        Connection open() throws SQLException;
    }

    private final Connector connector;
    private final Map<Integer, Object> held = new HashMap<>();
    private final Map<Integer, String> names = new HashMap<>();
    private Connection connection;
    private boolean closed;

    PostgresServiceLocks(Connector connector) {
        this.connector = connector;
    }

    static int key(String service) {
        CRC32 crc = new CRC32();
        crc.update(service.getBytes(StandardCharsets.UTF_8));
        return (int) crc.getValue();
    }

    @Override
    public synchronized boolean hold(String service, Object holder) {
        if (closed) {
            return false;
        }
        int key = key(service);
        try {
            if (connection != null && !connection.isValid(5)) {
                LOG.warn("Lost the connection holding the locks of {}; they are free for other servers now",
                        names.values());
                drop();
            }
            if (connection == null) {
                connection = connector.open();
                connection.setAutoCommit(true);
            }
            Object owner = held.get(key);
            if (owner != null) {
                return owner == holder;
            }
            if (call(connection, "SELECT pg_try_advisory_lock(?, ?)", key)) {
                held.put(key, holder);
                names.put(key, service);
                return true;
            }
            return false;
        } catch (SQLException e) {
            LOG.warn("Cannot take the lock of service {}: {}", service, e.getMessage());
            drop();
            return false;
        }
    }

    @Override
    public synchronized void release(String service, Object holder) {
        int key = key(service);
        if (held.get(key) != holder || connection == null) {
            return;
        }
        held.remove(key);
        names.remove(key);
        try {
            call(connection, "SELECT pg_advisory_unlock(?, ?)", key);
        } catch (SQLException e) {
            drop();
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        drop();
    }

    private static boolean call(Connection connection, String query, int key) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(query)) {
            statement.setInt(1, NAMESPACE);
            statement.setInt(2, key);
            try (ResultSet result = statement.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }

    /** Forgets the connection and, with it, every lock (PostgreSQL ends them with the session). */
    private void drop() {
        held.clear();
        names.clear();
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // Closing a broken connection: its locks are gone either way.
            }
            connection = null;
        }
    }
}
