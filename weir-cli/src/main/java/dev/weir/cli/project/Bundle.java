package dev.weir.cli.project;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A deployment bundle: a zip of a project's classpath files, each at its path relative to the project
 * folder, entries sorted by name and stamped with one fixed time, so the same files always give the
 * same bytes and the same SHA-256. The zip is written to a temporary file; delete it with {@link #close()}.
 *
 * @param file the zip
 * @param sha256 its SHA-256, lower-case hex
 * @param classpath the classpath entries relative to the bundle's root (files, or folders ending in {@code /})
 * @param roots the same entries as paths on this machine, to load classes from
 */
public record Bundle(Path file, String sha256, List<String> classpath, List<Path> roots) implements AutoCloseable {

    private static final LocalDateTime FIXED_TIME = LocalDateTime.of(2000, 1, 1, 0, 0);

    /**
     * Builds the bundle of {@code patterns} in {@code folder}. A pattern is a file, a folder (taken
     * whole) or a glob such as {@code target/lib/*.jar}; each must match at least one file.
     *
     * @throws ProjectFileException if a pattern matches nothing or leaves the project folder
     */
    public static Bundle build(Path folder, List<String> patterns) {
        Path base = folder.toAbsolutePath().normalize();
        TreeSet<String> classpath = new TreeSet<>();
        TreeMap<String, Path> entries = new TreeMap<>();
        for (String pattern : patterns) {
            List<Path> matched = match(base, pattern);
            if (matched.isEmpty()) {
                throw new ProjectFileException("classpath entry '" + pattern + "' matches no file in " + base
                        + "; build the project first, or fix the path");
            }
            for (Path path : matched) {
                String relative = name(base, path);
                if (Files.isDirectory(path)) {
                    classpath.add(relative + "/");
                    try (Stream<Path> files = Files.walk(path)) {
                        files.filter(Files::isRegularFile).forEach(file -> entries.put(name(base, file), file));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                } else {
                    classpath.add(relative);
                    entries.put(relative, path);
                }
            }
        }
        try {
            Path zip = Files.createTempFile("weir-bundle-", ".zip");
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            try (OutputStream file = new DigestOutputStream(Files.newOutputStream(zip), digest);
                    ZipOutputStream out = new ZipOutputStream(file)) {
                for (var entry : entries.entrySet()) {
                    ZipEntry zipEntry = new ZipEntry(entry.getKey());
                    zipEntry.setTimeLocal(FIXED_TIME);
                    out.putNextEntry(zipEntry);
                    Files.copy(entry.getValue(), out);
                    out.closeEntry();
                }
            }
            List<Path> roots = new ArrayList<>();
            classpath.forEach(entry -> roots.add(base.resolve(entry)));
            return new Bundle(zip, HexFormat.of().formatHex(digest.digest()), List.copyOf(classpath), List.copyOf(roots));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the bundle: " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }

    private static List<Path> match(Path base, String pattern) {
        String normalized = pattern.replace('\\', '/');
        Path direct = base.resolve(normalized).normalize();
        if (!direct.startsWith(base)) {
            throw new ProjectFileException("classpath entry '" + pattern + "' is outside the project folder " + base);
        }
        if (!normalized.matches(".*[*?\\[{].*")) {
            return Files.exists(direct) ? List.of(direct) : List.of();
        }
        List<String> segments = List.of(normalized.split("/"));
        int fixed = 0;
        while (fixed < segments.size() && !segments.get(fixed).matches(".*[*?\\[{].*")) {
            fixed++;
        }
        Path start = base.resolve(String.join("/", segments.subList(0, fixed)));
        if (!Files.isDirectory(start)) {
            return List.of();
        }
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + normalized);
        try (Stream<Path> paths = Files.walk(start)) {
            return paths.filter(path -> !path.equals(start))
                    .filter(path -> matcher.matches(Path.of(name(base, path))))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String name(Path base, Path path) {
        return base.relativize(path.toAbsolutePath().normalize()).toString().replace('\\', '/');
    }

    /** The zip's size in bytes. */
    public long size() {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes the temporary zip. */
    @Override
    public void close() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // A temporary file left behind is harmless.
        }
    }
}
