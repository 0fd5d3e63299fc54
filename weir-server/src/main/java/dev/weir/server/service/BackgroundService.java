package dev.weir.server.service;

import dev.weir.server.store.ServiceLocks;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A duty run in a loop on its own virtual thread, every {@link #interval()}; a failing round is logged
 * and the next one runs as planned.
 *
 * <p>Singleton among servers (R7): started with its database's {@link ServiceLocks}, a service runs a
 * round only while this instance holds the lock named {@link #serviceId()}, taken when free and kept
 * from round to round until {@link #close} (or until the lock's connection is lost). The other servers'
 * instances skip their rounds meanwhile, and one of them takes over when the holder stops.
 */
public abstract class BackgroundService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BackgroundService.class);

    private volatile Thread thread;
    private volatile ServiceLocks locks = ServiceLocks.NONE;

    /** How long to wait between rounds. */
    protected abstract Duration interval();

    /** One round of the duty. */
    protected abstract void runOnce();

    /** The name of the service's lock, the same in every server: its class's simple name. */
    public String serviceId() {
        return getClass().getSimpleName();
    }

    /** Starts the loop without a lock: every round runs. */
    public final void start() {
        start(ServiceLocks.NONE);
    }

    /** Starts the loop; each round runs only while this instance holds its lock in {@code serviceLocks}. */
    public final void start(ServiceLocks serviceLocks) {
        locks = serviceLocks;
        thread = Thread.ofVirtual().name("weir-" + getClass().getSimpleName()).start(this::loop);
    }

    /**
     * One round if this instance holds (or now wins) its lock; returns whether it ran. Public so tests
     * can run a round under the lock on demand.
     */
    public final boolean runIfHolder(ServiceLocks serviceLocks) {
        if (!serviceLocks.hold(serviceId(), this)) {
            return false;
        }
        runOnce();
        return true;
    }

    private void loop() {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                runIfHolder(locks);
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

    /**
     * Stops the loop, waits (a few seconds at most) for a round under way to finish, and gives the lock
     * up once no round runs any more.
     */
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
            if (!running.isAlive()) {
                locks.release(serviceId(), this);
            }
        }
    }
}
