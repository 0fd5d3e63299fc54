package dev.weir.internal.engine;

import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;

/**
 * Runs each submitted task on its own virtual thread, optionally at most {@code maxConcurrency} at
 * once.
 *
 * <p>With a bound, the submitting flow thread waits for a free slot (back-pressure for large maps).
 * A task that itself submits tasks never waits for a slot: when none is free the nested task runs
 * inline on the submitting task's thread, which already holds a slot. So the bound holds and nested
 * submits cannot deadlock.
 */
final class ConcurrentRunner implements Runner {

    private static final ThreadFactory THREADS = Thread.ofVirtual().name("weir-task-", 0).factory();
    private static final ThreadLocal<ConcurrentRunner> WORKER_OF = new ThreadLocal<>();

    private final Semaphore slots;

    ConcurrentRunner(int maxConcurrency) {
        this.slots = maxConcurrency > 0 ? new Semaphore(maxConcurrency) : null;
    }

    @Override
    public void submit(Runnable job) {
        if (slots == null) {
            THREADS.newThread(() -> work(job)).start();
            return;
        }
        if (WORKER_OF.get() == this) {
            if (slots.tryAcquire()) {
                THREADS.newThread(() -> workHolding(job)).start();
            } else {
                job.run();
            }
            return;
        }
        slots.acquireUninterruptibly();
        THREADS.newThread(() -> workHolding(job)).start();
    }

    private void work(Runnable job) {
        WORKER_OF.set(this);
        job.run();
    }

    private void workHolding(Runnable job) {
        try {
            work(job);
        } finally {
            slots.release();
        }
    }

    @Override
    public void close() {
        // Virtual threads need no shutdown; the flow run has awaited its futures already.
    }
}
