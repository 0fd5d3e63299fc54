package dev.weir.server.store;

/**
 * A write reached a database that is closing, as when the server shuts down; nothing was written. The
 * API answers 503, so clients retry against the server once it is back.
 */
public final class DatabaseClosedException extends StoreException {

    public DatabaseClosedException() {
        super("The database is closed; no more writes are accepted");
    }
}
