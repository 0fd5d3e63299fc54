package dev.weir.cache;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One {@link ReentrantLock} per key, created on demand and removed once no thread holds or awaits it,
 * so the map does not grow with the number of keys ever locked. Thread safe.
 */
final class KeyedLocks {

    private static final class Entry {
        final ReentrantLock lock = new ReentrantLock();
        int users; // guarded by the map's per-key compute
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    /**
     * Locks the key for the current thread and returns its hold count (1 for a first hold).
     *
     * @throws LockTimeoutException on timeout or interrupt
     */
    int lock(String key, Duration timeout) {
        Entry entry = entries.compute(key, (k, existing) -> {
            Entry e = existing != null ? existing : new Entry();
            e.users++;
            return e;
        });
        boolean locked = false;
        try {
            locked = entry.lock.tryLock(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            release(key, entry);
            throw new LockTimeoutException(key, timeout, "interrupted while waiting");
        }
        if (!locked) {
            release(key, entry);
            throw new LockTimeoutException(key, timeout, "timed out");
        }
        return entry.lock.getHoldCount();
    }

    /** Releases one hold of the current thread on the key. */
    void unlock(String key) {
        Entry entry = entries.get(key);
        if (entry == null || !entry.lock.isHeldByCurrentThread()) {
            throw new IllegalMonitorStateException(
                    "The isolation lock on '" + key + "' is not held by thread " + Thread.currentThread().getName());
        }
        entry.lock.unlock();
        release(key, entry);
    }

    int size() {
        return entries.size();
    }

    private void release(String key, Entry entry) {
        entries.computeIfPresent(key, (k, e) -> e == entry && --e.users == 0 ? null : e);
    }
}
