package dev.weir.server.store.sqlite;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.sqlite.SQLiteConfig;

/**
 * Opens SQLite connections with Weir's settings: WAL, {@code synchronous=NORMAL}, foreign keys on, a
 * 60 s busy timeout (only another process can make a connection wait) and a 20,000-page cache.
 */
final class SqliteConnections {

    static final int BUSY_TIMEOUT_MILLIS = 60_000;
    static final int CACHE_PAGES = 20_000;

    private SqliteConnections() {}

    /** The read-write connection the writer thread owns; switches the file to WAL. */
    static Connection openWriter(Path file) throws SQLException {
        SQLiteConfig config = common();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        return config.createConnection("jdbc:sqlite:" + file);
    }

    /** A read-only connection; it never takes the write lock. */
    static Connection openReader(Path file) throws SQLException {
        SQLiteConfig config = common();
        config.setReadOnly(true);
        return config.createConnection("jdbc:sqlite:" + file);
    }

    private static SQLiteConfig common() {
        SQLiteConfig config = new SQLiteConfig();
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.enforceForeignKeys(true);
        config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
        config.setCacheSize(CACHE_PAGES);
        config.setTempStore(SQLiteConfig.TempStore.MEMORY);
        return config;
    }
}
