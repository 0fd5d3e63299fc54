package dev.weir.server.store.sqlite;

import dev.weir.server.store.StoreException;
import java.sql.SQLException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/** Waits for a write's result and rethrows its failure as the caller would expect it. */
final class Futures {

    private Futures() {}

    /**
     * The future's value; an unchecked failure is rethrown as it was, an {@link SQLException} wrapped
     * in a {@link StoreException}. An interrupted wait keeps the interrupt flag and throws, although
     * the write may still commit.
     */
    static <T> T await(CompletableFuture<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("Interrupted while waiting for a write; it may still commit", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                runtime.addSuppressed(new CallerTrace());
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new StoreException("A write failed: " + cause.getMessage(), cause);
        }
    }

    /** Records where the caller waited, since the failure's own trace is the writer thread's. */
    private static final class CallerTrace extends Exception {
        CallerTrace() {
            super("the write was submitted here");
        }
    }
}
