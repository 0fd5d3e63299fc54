package dev.weir.cli.worker;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * Faster child JVMs: the classes a flow run loads (the SDK, Jackson, the HTTP client, the flow's own)
 * are archived by the first child of a class path ({@code -XX:+AutoCreateSharedArchive}) and mapped by
 * every later one, instead of being read and verified again each time. One archive per class path, under
 * {@code $TMP/weir-cds}; the JVM checks an archive against its class path and JDK and rebuilds it when
 * they no longer match, so a stale or half-written archive costs one slow start, never a wrong one.
 * Only class paths of jars are archived (a bundle's always is); one with a class folder runs without.
 */
final class ClassDataSharing {

    private ClassDataSharing() {}

    /** The options that let a child JVM of {@code classpath} use and create its archive; none if that cannot be. */
    static List<String> options(String classpath) {
        // The JVM archives only jars: with a class folder on the path its dump at exit fails and turns
        // the child's exit code into 1, hiding the code the flow's process really ended with.
        boolean jarsOnly = java.util.Arrays.stream(classpath.split(java.io.File.pathSeparator))
                .allMatch(entry -> entry.endsWith(".jar") || entry.endsWith("/*"));
        if (Runtime.version().feature() < 19 || !jarsOnly) {
            return List.of();
        }
        try {
            Path dir = Path.of(System.getProperty("java.io.tmpdir"), "weir-cds");
            Files.createDirectories(dir);
            String key = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest((Runtime.version() + "\n" + classpath).getBytes(StandardCharsets.UTF_8)), 0, 12);
            return List.of("-XX:+AutoCreateSharedArchive", "-XX:SharedArchiveFile=" + dir.resolve(key + ".jsa"),
                    "-Xlog:cds=off", "-Xlog:cds+dynamic=off");
        } catch (java.io.IOException | NoSuchAlgorithmException e) {
            return List.of();
        }
    }
}
