package dev.weir.server.store.sqlite;

import dev.weir.server.store.SqlWork;
import dev.weir.server.store.StoreException;
import dev.weir.server.store.WriteQueueFullException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The one thread that writes to a SQLite database, owning its only write connection.
 *
 * <p><b>Design.</b> Callers put write requests on a bounded queue and wait for their own result; a
 * full queue refuses at once ({@link WriteQueueFullException}) rather than making callers pile up.
 * The thread takes the first waiting request, drains whatever else is queued (up to the group-commit
 * limit), and runs them all inside one {@code BEGIN IMMEDIATE} transaction, each inside its own
 * {@code SAVEPOINT}. A request that throws is rolled back to its savepoint and fails only its own
 * caller; the others commit together in one {@code COMMIT} (group commit: one fsync for many
 * writes). Results are handed back only after the commit, so a caller that sees success can read its
 * write from any connection. Since this is the only writer in the process, SQLite's write lock is
 * never contended here and no caller sees {@code SQLITE_BUSY}; another process writing the same file
 * is waited for by {@code busy_timeout}.
 *
 * <p>A request runs on the writer thread: it must be short, must not block on other writes (a write
 * submitted from the writer thread is refused, since it would wait for itself), and must not
 * commit, roll back or change auto-commit.
 */
final class SqliteWriter implements AutoCloseable {

    private final Connection connection;
    private final BlockingQueue<Request<?>> queue;
    private final int capacity;
    private final int maxBatch;
    private final Thread thread;
    private volatile boolean closing;
    private volatile long commits;

    SqliteWriter(Connection connection, int capacity, int maxBatch, String name) {
        this.connection = connection;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.capacity = capacity;
        this.maxBatch = maxBatch;
        this.thread = Thread.ofPlatform().name(name).daemon(true).unstarted(this::loop);
        thread.start();
    }

    /** Runs {@code work} on the writer thread in a group-committed transaction and returns its result. */
    <T> T submit(SqlWork<T> work) {
        if (Thread.currentThread() == thread) {
            throw new IllegalStateException(
                    "A write was submitted from inside another write on the SQLite writer thread; it would wait"
                            + " for itself. Use the stores handed to Database.inTransaction instead.");
        }
        if (closing) {
            throw new dev.weir.server.store.DatabaseClosedException();
        }
        Request<T> request = new Request<>(work, new CompletableFuture<>());
        if (!queue.offer(request)) {
            throw new WriteQueueFullException(capacity);
        }
        return Futures.await(request.result());
    }

    private void loop() {
        List<Request<?>> batch = new ArrayList<>(maxBatch);
        while (!(closing && queue.isEmpty())) {
            try {
                Request<?> first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, maxBatch - 1);
                runBatch(batch);
            } catch (InterruptedException e) {
                closing = true;
            } finally {
                batch.clear();
            }
        }
        StoreException closed = new StoreException("The database closed before this write ran; nothing was written");
        for (Request<?> left; (left = queue.poll()) != null; ) {
            left.result().completeExceptionally(closed);
        }
    }

    private void runBatch(List<Request<?>> batch) {
        List<Runnable> completions = new ArrayList<>(batch.size());
        try {
            execute("BEGIN IMMEDIATE");
            for (int i = 0; i < batch.size(); i++) {
                completions.add(runInSavepoint(batch.get(i), "w" + i));
            }
            execute("COMMIT");
            commits++;
            completions.forEach(Runnable::run);
        } catch (SQLException | RuntimeException e) {
            rollbackQuietly();
            StoreException failure = new StoreException(
                    "A group commit of " + batch.size() + " writes failed and was rolled back", e);
            for (Request<?> request : batch) {
                request.result().completeExceptionally(failure);
            }
        }
    }

    /** Runs one request in a savepoint; returns what completes its caller once the transaction commits. */
    private <T> Runnable runInSavepoint(Request<T> request, String savepoint) throws SQLException {
        execute("SAVEPOINT " + savepoint);
        try {
            T value = request.work().run(connection);
            execute("RELEASE " + savepoint);
            return () -> request.result().complete(value);
        } catch (Throwable failure) {
            execute("ROLLBACK TO " + savepoint);
            execute("RELEASE " + savepoint);
            request.result().completeExceptionally(failure);
            return () -> {};
        }
    }

    private void execute(String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private void rollbackQuietly() {
        try {
            execute("ROLLBACK");
        } catch (SQLException ignored) {
            // SQLite had already rolled the transaction back (or none was open): nothing left to undo.
        }
    }

    /** How many requests wait in the queue now. */
    int queued() {
        return queue.size();
    }

    /** How many group commits have succeeded; only the writer thread changes it. */
    long commits() {
        return commits;
    }

    /** Stops taking requests, finishes those already queued and closes the write connection. */
    @Override
    public void close() {
        closing = true;
        try {
            thread.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            connection.close();
        } catch (SQLException e) {
            throw new StoreException("Cannot close the SQLite write connection", e);
        }
    }

    private record Request<T>(SqlWork<T> work, CompletableFuture<T> result) {}
}
