package dev.weir.server.api;

import dev.weir.server.store.BundleStore;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code /api/bundles/{sha256}}: upload, probe and download deployment bundles, content-addressed. The
 * upload is streamed to disk, never held in memory, and is the one route exempt from the global body
 * limit: it accepts up to {@link #MAX_BYTES}.
 */
final class BundleRoutes {

    /** The largest bundle accepted: 512 MB. */
    static final long MAX_BYTES = 512L * 1024 * 1024;
    /** The path prefix the global body limit skips. */
    static final String PREFIX = "/api/bundles/";

    private BundleRoutes() {}

    /** Whether {@code path} is a bundle route, which has its own body limit. */
    static boolean isBundlePath(String path) {
        return path.startsWith(PREFIX);
    }

    static void register(ApiRoutes routes, BundleStore bundles) {
        routes.put("/api/bundles/{sha256}", "Stores a bundle (a jar or zip, at most 512 MB) under its SHA-256",
                "Bundle", "BundleRef", Operation.Access.WRITE, ctx -> {
                    String sha256 = sha256(ctx);
                    String length = ctx.header("Content-Length");
                    if (length != null && length.matches("\\d{1,18}") && Long.parseLong(length) > MAX_BYTES) {
                        throw tooLarge(length + " bytes");
                    }
                    boolean created;
                    try (InputStream body = ctx.req().getInputStream()) {
                        created = bundles.write(sha256, body, MAX_BYTES);
                    } catch (BundleStore.BundleHashMismatchException mismatch) {
                        throw ApiException.badRequest("sha256", mismatch.getMessage());
                    } catch (BundleStore.BundleTooLargeException large) {
                        throw tooLarge("more bytes");
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    ctx.status(created ? 201 : 200).json(java.util.Map.of("sha256", sha256));
                });
        routes.head("/api/bundles/{sha256}", "Whether a bundle is stored (200 with its size, or 404)",
                Operation.Access.READ, ctx -> {
                    Path file = file(bundles, sha256(ctx));
                    ctx.header("Content-Length", String.valueOf(Files.size(file))).status(200);
                });
        routes.get("/api/bundles/{sha256}", "A bundle's bytes", "Bundle", Operation.Access.READ, ctx -> {
            Path file = file(bundles, sha256(ctx));
            ctx.contentType("application/zip").header("Content-Length", String.valueOf(Files.size(file)));
            ctx.result(Files.newInputStream(file));
        });
    }

    private static String sha256(Context ctx) {
        String sha256 = ctx.pathParam("sha256");
        if (!BundleStore.isSha256(sha256)) {
            throw ApiException.badRequest("sha256", "'sha256' must be 64 lower-case hex digits (the bundle's"
                    + " SHA-256), got '" + sha256 + "'");
        }
        return sha256;
    }

    private static Path file(BundleStore bundles, String sha256) {
        return bundles.find(sha256).orElseThrow(() -> ApiException.notFound("No bundle " + sha256));
    }

    private static ApiException tooLarge(String size) {
        return new ApiException(413, null, "The bundle has " + size + "; at most " + MAX_BYTES + " (512 MB) are accepted");
    }
}
