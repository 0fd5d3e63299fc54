package dev.weir.cache;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Hands out exclusive locks on cache keys, so that under {@link CacheIsolation#SERIALIZABLE} only one
 * task run computes a given key at a time. Locks are reentrant for the thread holding them.
 * Implementations are thread safe.
 */
public interface LockManager {

    /**
     * Waits up to the timeout for the lock on a key; use it in try-with-resources.
     *
     * @throws LockTimeoutException if the lock is still held by someone else when the timeout runs out,
     *     or the thread is interrupted while waiting (the interrupt flag is kept)
     */
    IsolationLock acquire(String key, Duration timeout);

    /** Locks within this JVM: a {@link java.util.concurrent.locks.ReentrantLock} per key, dropped when free. */
    static LockManager inMemory() {
        return new InMemoryLockManager();
    }

    /**
     * Locks shared by the processes of one machine: an OS file lock on {@code <dir>/<key>.lock} (keys
     * that are not safe file names use their SHA-256 instead), taken after an in-JVM lock because a
     * file lock is held per process. Lock files are left in place; they are empty.
     */
    static LockManager fileLocks(Path directory) {
        return new FileLockManager(Objects.requireNonNull(directory, "directory"));
    }
}
