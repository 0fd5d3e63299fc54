package dev.weir.cli.worker;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;

/**
 * A run this worker has claimed and not yet settled: its child process once started, and whether it
 * is being cancelled. Thread-safe: the run's own thread starts the child and waits for it, the
 * cancellation watch asks for it to stop.
 *
 * <p>Once cancelled, a run's child is never started; a child already started has its process tree
 * stopped on a thread of its own ({@link ProcessTree}), which {@link #awaitStopped()} waits for.
 */
final class InFlightRun {

    private final UUID id;
    private final Duration grace;
    private final PrintStream out;
    private ChildProcess child;
    private boolean cancelled;
    private Thread stopper;

    InFlightRun(UUID id, Duration grace, PrintStream out) {
        this.id = id;
        this.grace = grace;
        this.out = out;
    }

    UUID id() {
        return id;
    }

    /** Starts the child with {@code start}, unless the run is already being cancelled. */
    synchronized Optional<ChildProcess> start(Callable<ChildProcess> start) throws IOException {
        if (cancelled) {
            return Optional.empty();
        }
        try {
            child = start.call();
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException(e);
        }
        return Optional.of(child);
    }

    /** Marks the run cancelled and, when its child runs, starts stopping its process tree. Idempotent. */
    synchronized void cancel() {
        if (cancelled) {
            return;
        }
        cancelled = true;
        if (child != null) {
            ChildProcess stopping = child;
            stopper = Thread.ofVirtual().name("weir-worker-cancel").start(() -> stop(stopping));
        }
    }

    synchronized boolean cancelled() {
        return cancelled;
    }

    private void stop(ChildProcess stopping) {
        out.println("Flow run " + id + " is cancelling: stopping " + stopping.infrastructurePid()
                + " and the processes it started (grace " + grace.toSeconds() + " s).");
        try {
            ProcessTree.Outcome outcome = ProcessTree.terminate(stopping.process().toHandle(), grace);
            if (!outcome.killed().isEmpty()) {
                out.println("Flow run " + id + ": killed " + outcome.killed() + ", still running after the grace period.");
            }
        } catch (InterruptedException e) {
            stopping.process().toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
            stopping.process().destroyForcibly();
        }
    }

    /** Waits until the process tree of a cancelled run is stopped; returns at once if none is being stopped. */
    void awaitStopped() throws InterruptedException {
        Thread thread;
        synchronized (this) {
            thread = stopper;
        }
        if (thread != null) {
            thread.join();
        }
    }
}
