package dev.weir.server.store;

import dev.weir.core.WeirException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Deployment bundles (jars or zips) on the filesystem, content-addressed: the bundle whose SHA-256 is
 * {@code h} is the file {@code <folder>/h}. A bundle is written to a temporary file in the same
 * folder and moved into place atomically, so a reader never sees half a bundle and two writers of
 * the same bytes both succeed. Thread-safe.
 */
public final class BundleStore {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final String SQLITE_PREFIX = "jdbc:sqlite:";

    private final Path folder;

    private BundleStore(Path folder) {
        this.folder = folder;
    }

    /** The bundles in {@code folder}, created on first write. */
    public static BundleStore create(Path folder) {
        return new BundleStore(folder);
    }

    /**
     * The bundles of the server over {@code databaseUrl}: {@code bundles/} beside a SQLite database file
     * (by default {@code $WEIR_HOME/bundles}, as the database is {@code $WEIR_HOME/weir.db}), else
     * {@code $WEIR_HOME/bundles}.
     */
    public static BundleStore forDatabase(String databaseUrl) {
        if (databaseUrl.startsWith(SQLITE_PREFIX) && !databaseUrl.contains(":memory:")) {
            String file = databaseUrl.substring(SQLITE_PREFIX.length());
            int query = file.indexOf('?');
            Path parent = Path.of(query < 0 ? file : file.substring(0, query)).toAbsolutePath().getParent();
            if (parent != null) {
                return create(parent.resolve("bundles"));
            }
        }
        return create(Database.weirHome().resolve("bundles"));
    }

    /** Whether {@code sha256} is a lower-case hex SHA-256, the only names bundles have. */
    public static boolean isSha256(String sha256) {
        return sha256 != null && SHA256.matcher(sha256).matches();
    }

    /** The file of bundle {@code sha256}, when it is stored. */
    public Optional<Path> find(String sha256) {
        if (!isSha256(sha256)) {
            return Optional.empty();
        }
        Path file = folder.resolve(sha256);
        return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    /**
     * Stores the bytes of {@code body} as bundle {@code sha256}, reading at most {@code maxBytes}.
     *
     * @return true if the bundle was new, false if it was already stored
     * @throws BundleTooLargeException if the body has more than {@code maxBytes} bytes
     * @throws BundleHashMismatchException if the body's SHA-256 is not {@code sha256}; nothing is stored
     */
    public boolean write(String sha256, InputStream body, long maxBytes) {
        if (!isSha256(sha256)) {
            throw new WeirException("bundle sha256: '" + sha256 + "'; accepted: 64 lower-case hex digits");
        }
        Path temp = null;
        try {
            Files.createDirectories(folder);
            temp = Files.createTempFile(folder, ".upload-", ".tmp");
            MessageDigest digest = sha256Digest();
            long size;
            try (OutputStream out = new DigestOutputStream(Files.newOutputStream(temp), digest)) {
                size = copy(body, out, maxBytes);
            }
            String actual = HexFormat.of().formatHex(digest.digest());
            if (!actual.equals(sha256)) {
                throw new BundleHashMismatchException(sha256, actual, size);
            }
            boolean existed = Files.exists(folder.resolve(sha256));
            try {
                Files.move(temp, folder.resolve(sha256), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, folder.resolve(sha256), StandardCopyOption.REPLACE_EXISTING);
            }
            temp = null;
            return !existed;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot store bundle " + sha256 + " in " + folder + ": " + e.getMessage(), e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException e) {
                    // A leftover temporary file is harmless: it never has a bundle's name.
                }
            }
        }
    }

    private static long copy(InputStream in, OutputStream out, long maxBytes) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        for (int n; (n = in.read(buffer)) >= 0; ) {
            total += n;
            if (total > maxBytes) {
                throw new BundleTooLargeException(maxBytes);
            }
            out.write(buffer, 0, n);
        }
        return total;
    }

    /** The SHA-256 of {@code bytes} as lower-case hex. */
    public static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(sha256Digest().digest(bytes));
    }

    private static MessageDigest sha256Digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }

    /** A bundle body whose SHA-256 is not the one it was sent as. */
    public static final class BundleHashMismatchException extends WeirException {
        BundleHashMismatchException(String expected, String actual, long size) {
            super("The body's SHA-256 is " + actual + " (" + size + " bytes), not " + expected
                    + " as in the path; send the bundle's bytes to PUT /api/bundles/<their sha256>");
        }
    }

    /** A bundle body over the size limit. */
    public static final class BundleTooLargeException extends WeirException {
        BundleTooLargeException(long maxBytes) {
            super("The bundle is larger than " + maxBytes + " bytes, the most accepted");
        }
    }
}
