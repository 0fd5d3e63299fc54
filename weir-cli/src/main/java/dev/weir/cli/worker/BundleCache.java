package dev.weir.cli.worker;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weir.cli.http.ApiClient;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Deployment bundles on this machine: a bundle (named by its SHA-256) is downloaded from the server
 * once, checked against its hash, and unpacked into a folder of its own, which later runs reuse. The
 * class path of a run is the bundle's entries resolved in that folder.
 */
final class BundleCache {

    private final ApiClient api;
    private final Path root;

    BundleCache(ApiClient api, Path root) {
        this.api = api;
        this.root = root;
    }

    /** The child's class path for {@code entries} (paths relative to the bundle) of bundle {@code sha256}. */
    String classpath(String sha256, JsonNode entries) throws IOException {
        if (!sha256.matches("[0-9a-f]{64}")) {
            throw new IOException("the deployment names bundle '" + sha256 + "', which is not a SHA-256");
        }
        Path folder = unpacked(sha256);
        List<String> paths = new ArrayList<>();
        for (JsonNode entry : entries) {
            Path resolved = folder.resolve(entry.asText()).normalize();
            if (!resolved.startsWith(folder)) {
                throw new IOException("classpath entry '" + entry.asText() + "' leaves the bundle");
            }
            paths.add(resolved.toString());
        }
        return String.join(File.pathSeparator, paths);
    }

    private Path unpacked(String sha256) throws IOException {
        Path folder = root.resolve(sha256);
        if (Files.isDirectory(folder)) {
            return folder;
        }
        Files.createDirectories(root);
        Path zip = Files.createTempFile(root, sha256 + "-", ".zip");
        Path staging = Files.createTempDirectory(root, sha256 + "-");
        try {
            api.download("/bundles/" + sha256, zip);
            unzip(zip, staging, sha256);
            try {
                Files.move(staging, folder, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException raced) {
                // another run unpacked it first; its copy is the same bytes
            } catch (IOException raced) {
                if (!Files.isDirectory(folder)) {
                    throw raced;
                }
            }
            return folder;
        } finally {
            Files.deleteIfExists(zip);
            deleteTree(staging);
        }
    }

    private static void unzip(Path zip, Path target, String sha256) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
        try (InputStream file = Files.newInputStream(zip);
                DigestInputStream hashed = new DigestInputStream(file, digest);
                ZipInputStream in = new ZipInputStream(hashed)) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                Path out = target.resolve(entry.getName()).normalize();
                if (!out.startsWith(target)) {
                    throw new IOException("bundle " + sha256 + " has an entry outside its folder: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                } else {
                    Files.createDirectories(out.getParent());
                    Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            hashed.transferTo(java.io.OutputStream.nullOutputStream());
        }
        String actual = HexFormat.of().formatHex(digest.digest());
        if (!actual.equals(sha256)) {
            throw new IOException("bundle " + sha256 + " arrived with SHA-256 " + actual + "; refusing to run it");
        }
    }

    private static void deleteTree(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (var paths = Files.walk(folder)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // a leftover staging folder is harmless
        }
    }
}
