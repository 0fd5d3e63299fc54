package dev.weir.server.store;

import java.nio.file.Path;
import java.util.function.Function;

/**
 * An open Weir database, SQLite or PostgreSQL, migrated to the current schema; the stores it hands
 * out behave the same on both. Thread-safe; close it once at shutdown.
 *
 * <pre>{@code
 * try (Database db = Database.open(Database.defaultUrl())) {
 *     db.inTransaction(tx -> {
 *         FlowRunRecord run = tx.flowRuns().readForUpdate(id).orElseThrow();
 *         tx.flowRuns().writeState(id, run.version(), decided);
 *         tx.events().insert(stateChangedEvent);
 *         return null;
 *     });
 * }
 * }</pre>
 */
public interface Database extends Stores, AutoCloseable {

    /**
     * Opens (creating, for SQLite) and migrates the database at {@code url}: {@code
     * jdbc:sqlite:/path/weir.db} or {@code jdbc:postgresql://host:port/db?user=...&password=...}.
     *
     * @throws StoreException if the URL is of another kind, or the database cannot be opened or migrated
     */
    static Database open(String url) {
        return open(url, DatabaseOptions.defaults());
    }

    /** Opens the database at {@code url} with tuned connections; see {@link #open(String)}. */
    static Database open(String url, DatabaseOptions options) {
        return Databases.open(url, options);
    }

    /** Weir's home folder: {@code $WEIR_HOME}, or {@code ~/.weir} when it is not set. */
    static Path weirHome() {
        return Databases.weirHome(System.getenv(), System.getProperty("user.home"));
    }

    /** The database URL to use: {@code $WEIR_DATABASE_URL}, or {@code jdbc:sqlite:$WEIR_HOME/weir.db}. */
    static String defaultUrl() {
        return Databases.defaultUrl(System.getenv(), System.getProperty("user.home"));
    }

    /** Which engine this database runs on. */
    Kind kind();

    /** The highest migration applied. */
    int schemaVersion();

    RetentionStore retention();

    /**
     * Runs {@code work} in one transaction: everything it does through the given stores commits
     * together or not at all. On SQLite it is one request on the writer thread; keep it short.
     *
     * <p>Use only the stores passed in; calling this database's own stores or nesting another
     * transaction from inside is refused on SQLite (it would wait for itself) and not atomic on
     * PostgreSQL.
     */
    <T> T inTransaction(Function<Stores, T> work);

    /**
     * The locks that keep each background service to one server at a time on this database: advisory
     * locks on PostgreSQL, {@link ServiceLocks#NONE} on SQLite (one server per file). Closed with the
     * database.
     */
    default ServiceLocks serviceLocks() {
        return ServiceLocks.NONE;
    }

    @Override
    void close();

    /** The database engines Weir runs on. */
    enum Kind {
        SQLITE,
        POSTGRES
    }
}
