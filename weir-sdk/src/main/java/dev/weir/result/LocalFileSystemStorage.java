package dev.weir.result;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * Keeps each key as a file below a root folder; {@code a/b} is the file {@code <root>/a/b}.
 *
 * <p>A write goes to a temporary file {@code .weir-*.tmp} in the target's folder, then moves over the
 * target with {@link StandardCopyOption#ATOMIC_MOVE}, so a reader sees the old file or the new one,
 * never a half-written one. Temporary names start with a dot, which keys may not, so they never
 * collide with a key. Writes are not fsynced: after a power loss a record may be missing or
 * truncated, which a {@link ResultStore} reads as a miss. Thread safe, and safe across processes.
 */
final class LocalFileSystemStorage implements ResultStorage {

    private final Path root;

    LocalFileSystemStorage(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    @Override
    public void write(String key, byte[] bytes) {
        Path target = resolve(key);
        Path temp = null;
        try {
            Files.createDirectories(target.getParent());
            temp = Files.createTempFile(target.getParent(), ".weir-", ".tmp");
            Files.write(temp, bytes);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            temp = null;
        } catch (AtomicMoveNotSupportedException e) {
            throw new UncheckedIOException(
                    "The file system of " + root + " cannot move files atomically; choose another storage root", e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write result '" + key + "' to " + target + ": " + e.getMessage(), e);
        } finally {
            deleteQuietly(temp);
        }
    }

    @Override
    public Optional<byte[]> read(String key) {
        Path file = resolve(key);
        try {
            return Optional.of(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read result '" + key + "' from " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public boolean exists(String key) {
        return Files.isRegularFile(resolve(key));
    }

    @Override
    public void delete(String key) {
        Path file = resolve(key);
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete result '" + key + "' at " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "LocalFileSystemStorage[" + root + "]";
    }

    private Path resolve(String key) {
        Path file = root.resolve(StorageKeys.validate(key)).normalize();
        if (!file.startsWith(root)) {
            throw new IllegalArgumentException("Invalid storage key '" + key + "': " + StorageKeys.RULE);
        }
        return file;
    }

    private static void deleteQuietly(Path temp) {
        if (temp != null) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException e) {
                // The write already failed with a clearer exception; a stray temp file is harmless.
            }
        }
    }
}
