package dev.weir.server.store.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.weir.server.store.SqlExecutor;
import dev.weir.server.store.SqlWork;
import dev.weir.server.store.StoreException;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Runs a PostgreSQL database's work on a HikariCP pool: each write in a transaction of its own
 * (READ COMMITTED), each read on an auto-commit connection. Concurrent writers are PostgreSQL's to
 * serialize; lost updates are prevented by the stores (versions, row locks), not here.
 */
public final class PostgresExecutor implements SqlExecutor {

    private final HikariDataSource pool;

    private PostgresExecutor(HikariDataSource pool) {
        this.pool = pool;
    }

    /**
     * Opens a pool on {@code jdbcUrl} (credentials in the URL): at most {@code poolSize} connections,
     * 30 s to get one, 5 s to connect, statements cut off after 10 s.
     */
    public static PostgresExecutor open(String jdbcUrl, int poolSize) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setPoolName("weir-postgres");
        config.setMaximumPoolSize(poolSize);
        config.setMinimumIdle(Math.min(5, poolSize));
        config.setConnectionTimeout(30_000);
        config.addDataSourceProperty("connectTimeout", "5");
        config.addDataSourceProperty("options", "-c statement_timeout=10000");
        config.addDataSourceProperty("ApplicationName", "weir-server");
        try {
            return new PostgresExecutor(new HikariDataSource(config));
        } catch (RuntimeException e) {
            throw new StoreException("Cannot connect to PostgreSQL at " + redact(jdbcUrl) + ": " + e.getMessage(), e);
        }
    }

    @Override
    public <T> T read(SqlWork<T> work) {
        try (Connection connection = pool.getConnection()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw new StoreException("A read failed: " + e.getMessage(), e);
        }
    }

    @Override
    public <T> T write(SqlWork<T> work) {
        try (Connection connection = pool.getConnection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException | Error e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException("A write failed and was rolled back: " + e.getMessage(), e);
        }
    }

    /**
     * A new connection to the same database outside the pool (auto-commit, no statement timeout), for
     * what must outlive any one piece of work: the session advisory locks of the singleton services.
     */
    public Connection openDedicated() throws SQLException {
        java.util.Properties properties = new java.util.Properties();
        properties.setProperty("ApplicationName", "weir-server-locks");
        properties.setProperty("connectTimeout", "5");
        return java.sql.DriverManager.getConnection(pool.getJdbcUrl(), properties);
    }

    @Override
    public void close() {
        pool.close();
    }

    /** The URL without its password, for messages. */
    static String redact(String jdbcUrl) {
        return jdbcUrl.replaceAll("(?i)(password=)[^&]*", "$1****");
    }
}
