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
 */
final class ClassDataSharing {

    private ClassDataSharing() {}

    /** The options that let a child JVM of {@code classpath} use and create its archive; none if that cannot be. */
    static List<String> options(String classpath) {
        if (Runtime.version().feature() < 19) {
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
