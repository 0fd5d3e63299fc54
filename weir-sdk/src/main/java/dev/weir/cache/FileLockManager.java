package dev.weir.cache;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Pattern;

/**
 * Isolation locks across the processes of one machine, through OS file locks.
 *
 * <p>A {@link FileLock} belongs to the whole JVM, so threads of one JVM first serialize on an in-JVM
 * lock; the thread that gets it then polls {@link FileChannel#tryLock()} (every 1 to 50 ms) until the
 * deadline, since {@link FileChannel#lock()} cannot time out. A reentrant hold takes no second file lock.
 * The OS drops a file lock when its process dies, so a crashed holder never blocks others. Thread safe.
 */
final class FileLockManager implements LockManager {

    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0,199}");

    private final Path directory;
    private final KeyedLocks locks = new KeyedLocks();

    FileLockManager(Path directory) {
        this.directory = directory;
    }

    @Override
    public IsolationLock acquire(String key, Duration timeout) {
        Objects.requireNonNull(key, "key");
        long deadline = System.nanoTime() + timeout.toNanos();
        if (locks.lock(key, timeout) > 1) {
            return InMemoryLockManager.Held.once(key, () -> locks.unlock(key));
        }
        try {
            FileLock fileLock = lockFile(key, timeout, deadline);
            return InMemoryLockManager.Held.once(key, () -> {
                try {
                    fileLock.channel().close(); // releases the file lock
                } catch (IOException e) {
                    throw new UncheckedIOException("Cannot release the lock file for '" + key + "'", e);
                } finally {
                    locks.unlock(key);
                }
            });
        } catch (RuntimeException e) {
            locks.unlock(key);
            throw e;
        }
    }

    private FileLock lockFile(String key, Duration timeout, long deadline) {
        Path file = directory.resolve(fileName(key));
        FileChannel channel = null;
        try {
            Files.createDirectories(directory);
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            long pause = TimeUnit.MILLISECONDS.toNanos(1);
            while (true) {
                FileLock lock = channel.tryLock();
                if (lock != null) {
                    return lock;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new LockTimeoutException(key, timeout, "lock file " + file + " is held by another process");
                }
                LockSupport.parkNanos(Math.min(pause, left));
                pause = Math.min(pause * 2, TimeUnit.MILLISECONDS.toNanos(50));
                if (Thread.interrupted()) {
                    Thread.currentThread().interrupt();
                    throw new LockTimeoutException(key, timeout, "interrupted while waiting");
                }
            }
        } catch (IOException e) {
            closeQuietly(channel);
            throw new UncheckedIOException("Cannot lock " + file + " for cache key '" + key + "': " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(channel);
            throw e;
        }
    }

    private static String fileName(String key) {
        String base = SAFE_NAME.matcher(key).matches() ? key : Sha256.hex(key.getBytes(StandardCharsets.UTF_8));
        return base + ".lock";
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // Already failing with a clearer exception.
            }
        }
    }
}
