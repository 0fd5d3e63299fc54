package dev.weir.result;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where result bytes live, addressed by key; the service interface for storage backends.
 *
 * <p>A key is one or more segments joined by {@code /}; each segment uses only {@code [A-Za-z0-9._-]},
 * does not start with a dot and is at most 255 characters. Implementations validate keys with that
 * rule, make {@link #write} atomic (a reader sees the old bytes or the new bytes, never part of them),
 * and are thread safe.
 */
public interface ResultStorage {

    /**
     * Stores bytes under a key, replacing what was there, atomically.
     *
     * @throws IllegalArgumentException if the key breaks the key rule
     * @throws java.io.UncheckedIOException if the bytes cannot be stored
     */
    void write(String key, byte[] bytes);

    /** The bytes stored under a key, or empty if there are none. */
    Optional<byte[]> read(String key);

    /** Whether bytes are stored under a key. */
    boolean exists(String key);

    /** Removes the bytes stored under a key; does nothing if there are none. */
    void delete(String key);

    /** A storage that keeps each key as a file below the root folder, created when first needed. */
    static ResultStorage localFileSystem(Path root) {
        return new LocalFileSystemStorage(Objects.requireNonNull(root, "root"));
    }

    /** A local file-system storage at {@link #defaultRoot()}. */
    static ResultStorage localFileSystem() {
        return localFileSystem(defaultRoot());
    }

    /** The default storage folder: {@code $WEIR_HOME/storage}, where WEIR_HOME defaults to {@code ~/.weir}. */
    static Path defaultRoot() {
        return defaultRoot(System.getenv(), Path.of(System.getProperty("user.home")));
    }

    /**
     * The default storage folder for a given environment and home folder: {@code $WEIR_HOME/storage}
     * (a leading {@code ~} in WEIR_HOME stands for the home folder), else {@code <home>/.weir/storage}.
     */
    static Path defaultRoot(Map<String, String> environment, Path userHome) {
        String weirHome = environment.get("WEIR_HOME");
        if (weirHome == null || weirHome.isBlank()) {
            return userHome.resolve(".weir").resolve("storage");
        }
        if (weirHome.equals("~")) {
            return userHome.resolve("storage");
        }
        if (weirHome.startsWith("~/")) {
            return userHome.resolve(weirHome.substring(2)).resolve("storage");
        }
        return Path.of(weirHome).resolve("storage");
    }
}
