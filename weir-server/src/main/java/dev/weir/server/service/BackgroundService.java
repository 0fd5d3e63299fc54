package dev.weir.server.service;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A duty run in a loop on its own virtual thread, every {@link #interval()}; a failing round is logged
 * and the next one runs as planned.
 */
public abstract class BackgroundService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BackgroundService.class);

    private volatile Thread thread;

    /** How long to wait between rounds. */
    protected abstract Duration interval();

    /** One round of the duty. */
    protected abstract void runOnce();

    public final void start() {
        thread = Thread.ofVirtual().name("weir-" + getClass().getSimpleName()).start(this::loop);
    }

    private void loop() {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                runOnce();
            } catch (RuntimeException e) {
                LOG.error("{} failed this round; retrying in {}", getClass().getSimpleName(), interval(), e);
            }
            try {
                Thread.sleep(interval());
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Stops the loop and waits (a few seconds at most) for a round under way to finish. */
    @Override
    public void close() {
        Thread running = thread;
        if (running != null) {
            running.interrupt();
            try {
                running.join(java.time.Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
