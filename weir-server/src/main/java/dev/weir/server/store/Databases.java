package dev.weir.server.store;

import dev.weir.server.store.postgres.PostgresExecutor;
import dev.weir.server.store.sqlite.SqliteExecutor;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.Map;

/** Chooses the dialect from a JDBC URL and finds the default database location. */
final class Databases {

    static final String SQLITE_PREFIX = "jdbc:sqlite:";
    static final String POSTGRES_PREFIX = "jdbc:postgresql://";

    private Databases() {}

    static Database open(String url, DatabaseOptions options) {
        String checked = url == null ? "" : url.strip();
        if (checked.startsWith(SQLITE_PREFIX)) {
            Path file = sqliteFile(checked);
            SqliteExecutor executor = SqliteExecutor.open(
                    file, options.writeQueueCapacity(), options.maxGroupCommit(), options.readConnections());
            return migrated(Database.Kind.SQLITE, Dialect.SQLITE, executor);
        }
        if (checked.startsWith(POSTGRES_PREFIX)) {
            PostgresExecutor executor = PostgresExecutor.open(checked, options.poolSize());
            return migrated(Database.Kind.POSTGRES, Dialect.POSTGRES, executor);
        }
        throw new StoreException("Unsupported database URL '" + url + "'; accepted: jdbc:sqlite:/path/to/weir.db"
                + " or jdbc:postgresql://host:port/database?user=...&password=...");
    }

    private static Database migrated(Database.Kind kind, Dialect dialect, SqlExecutor executor) {
        try {
            return new JdbcDatabase(kind, dialect, executor, InstantSource.system());
        } catch (RuntimeException e) {
            executor.close();
            throw e;
        }
    }

    private static Path sqliteFile(String url) {
        String path = url.substring(SQLITE_PREFIX.length());
        if (path.isBlank() || path.contains(":memory:") || path.startsWith("file:") || path.contains("?")) {
            throw new StoreException("Unsupported SQLite URL '" + url + "'; accepted: jdbc:sqlite:/path/to/weir.db"
                    + " (a file path: in-memory databases and URL options are not supported)");
        }
        return Path.of(path);
    }

    static Path weirHome(Map<String, String> env, String userHome) {
        String home = env.get("WEIR_HOME");
        return home == null || home.isBlank() ? Path.of(userHome, ".weir") : Path.of(home);
    }

    static String defaultUrl(Map<String, String> env, String userHome) {
        String url = env.get("WEIR_DATABASE_URL");
        if (url != null && !url.isBlank()) {
            return url.strip();
        }
        return SQLITE_PREFIX + weirHome(env, userHome).resolve("weir.db");
    }
}
