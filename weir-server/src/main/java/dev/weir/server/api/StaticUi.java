package dev.weir.server.api;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.staticfiles.Location;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves the web UI built by the weir-ui module from the classpath folder {@code weir-ui/}: its
 * hashed assets under {@code /assets} (cached for good), and {@code index.html} for every other GET
 * that no route or file answers, so the UI's own paths ({@code /runs/<id>}) survive a reload.
 *
 * <p>Paths under {@code /api} never fall back to the page: an unknown API path stays a 404 problem
 * document. That is why the fallback is a handler rather than Javalin's {@code spaRoot.addFile("/",
 * ...)}: a file page at {@code /} would also answer {@code /api/...} for any request that accepts
 * HTML or sends no Accept header, and file pages are consulted before handlers.
 *
 * <p>Without the UI on the classpath (weir-server built alone), logs once and serves the API only.
 */
final class StaticUi {

    static final String FOLDER = "/weir-ui";

    private static final Logger LOG = LoggerFactory.getLogger(StaticUi.class);
    private static final AtomicBoolean REPORTED_MISSING = new AtomicBoolean();

    private StaticUi() {}

    static void register(JavalinConfig config) {
        URL index = StaticUi.class.getResource(FOLDER + "/index.html");
        if (index == null) {
            if (REPORTED_MISSING.compareAndSet(false, true)) {
                LOG.info("No web UI on the class path ({}/index.html is missing); serving the API only", FOLDER);
            }
            return;
        }
        String html = read(index);
        if (StaticUi.class.getResource(FOLDER + "/assets") != null) {
            config.staticFiles.add(files -> {
                files.hostedPath = "/assets";
                files.directory = FOLDER + "/assets";
                files.location = Location.CLASSPATH;
                files.precompressMaxSize = 4 * 1024 * 1024;
                files.headers = Map.of("Cache-Control", "public, max-age=31536000, immutable");
            });
        }
        config.spaRoot.addHandler("/", ctx -> page(ctx, html));
    }

    private static void page(Context ctx, String html) {
        String path = ctx.path();
        if (path.equals("/api") || path.startsWith("/api/") || path.startsWith("/assets/")) {
            ctx.status(404); // the 404 error handler turns this into a problem document
            return;
        }
        ctx.header("Cache-Control", "no-cache").html(html);
    }

    private static String read(URL url) {
        try (InputStream in = url.openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the web UI's " + url, e);
        }
    }
}
