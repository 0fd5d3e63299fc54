package dev.weir.server.api;

/**
 * Wakes live streams when something new was written on this server; streams also look again every
 * second on their own, for what other servers on the same database wrote.
 */
final class Changes {

    private long version;

    synchronized void signal() {
        version++;
        notifyAll();
    }

    /** Waits until {@link #signal} is called after {@code seen}, or {@code millis} pass; returns the new version. */
    synchronized long awaitAfter(long seen, long millis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + millis;
        while (version == seen) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) {
                break;
            }
            wait(left);
        }
        return version;
    }

    synchronized long version() {
        return version;
    }
}
