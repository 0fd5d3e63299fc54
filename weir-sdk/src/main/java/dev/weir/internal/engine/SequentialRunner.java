package dev.weir.internal.engine;

import java.util.concurrent.LinkedBlockingQueue;

/**
 * Runs submitted tasks one at a time, in submission order, on one virtual thread started on first
 * use. A task that submits a task runs it inline, since waiting for the single worker would deadlock.
 */
final class SequentialRunner implements Runner {

    private static final Runnable STOP = () -> {};

    private final LinkedBlockingQueue<Runnable> queue = new LinkedBlockingQueue<>();
    private Thread worker;

    @Override
    public synchronized void submit(Runnable job) {
        if (Thread.currentThread() == worker) {
            job.run();
            return;
        }
        if (worker == null) {
            worker = Thread.ofVirtual().name("weir-sequential").start(this::drain);
        }
        queue.add(job);
    }

    private void drain() {
        while (true) {
            Runnable job;
            try {
                job = queue.take();
            } catch (InterruptedException e) {
                return;
            }
            if (job == STOP) {
                return;
            }
            job.run();
        }
    }

    @Override
    public synchronized void close() {
        if (worker != null) {
            queue.add(STOP);
        }
    }
}
