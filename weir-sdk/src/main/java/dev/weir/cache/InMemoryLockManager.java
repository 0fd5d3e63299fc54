package dev.weir.cache;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/** Isolation locks within one JVM. Thread safe. */
final class InMemoryLockManager implements LockManager {

    private final KeyedLocks locks = new KeyedLocks();

    @Override
    public IsolationLock acquire(String key, Duration timeout) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(timeout, "timeout");
        locks.lock(key, timeout);
        return Held.once(key, () -> locks.unlock(key));
    }

    /** How many keys currently have a lock entry; zero once every lock is released. */
    int trackedKeys() {
        return locks.size();
    }

    /** A held lock whose release runs on the first close only. */
    record Held(String key, Runnable release) implements IsolationLock {
        static Held once(String key, Runnable release) {
            AtomicBoolean open = new AtomicBoolean(true);
            return new Held(key, () -> {
                if (open.compareAndSet(true, false)) {
                    release.run();
                }
            });
        }

        @Override
        public void close() {
            release.run();
        }
    }
}
