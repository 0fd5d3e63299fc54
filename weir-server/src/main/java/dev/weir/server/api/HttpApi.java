package dev.weir.server.api;

import dev.weir.core.Json;
import dev.weir.server.ServerConfig;
import dev.weir.server.auth.ApiKeys;
import dev.weir.server.orchestration.FlowRunOrchestrator;
import dev.weir.server.store.Database;
import io.javalin.Javalin;
import java.util.ArrayList;
import java.util.List;

/**
 * The Javalin application serving {@code /api}: routes, access control, size limit and problem
 * documents for every error. Public only for {@link dev.weir.server.WeirServer}.
 */
public final class HttpApi {

    private HttpApi() {}

    /** A configured, not yet started, Javalin application. */
    public static Javalin create(ServerConfig config, Database database, FlowRunOrchestrator orchestrator, ApiKeys keys,
            Runnable[] changeListener) {
        Changes changes = new Changes();
        changeListener[0] = changes::signal;
        List<Operation> documented = new ArrayList<>();
        return Javalin.create(javalin -> {
            javalin.startup.showJavalinBanner = false;
            javalin.startup.showOldJavalinVersionWarning = false;
            javalin.concurrency.useVirtualThreads = true;
            javalin.jetty.host = config.host();
            javalin.jetty.port = config.port();
            javalin.http.maxRequestSize = config.maxBodyBytes();
            javalin.http.defaultContentType = "application/json";
            javalin.jsonMapper(new JacksonJsonMapper(Json.mapper()));
            StaticUi.register(javalin);
            ApiRoutes routes = new ApiRoutes(javalin.routes);
            if (config.auth()) {
                javalin.routes.beforeMatched("/api/*", new AccessControl(keys));
            }
            javalin.routes.before("/api/*", ctx -> {
                if (ctx.path().endsWith("/stream") && !String.valueOf(ctx.header("Accept")).contains("text/event-stream")) {
                    throw new ApiException(406, "Accept", ctx.path() + " is a stream of server-sent events;"
                            + " send 'Accept: text/event-stream'");
                }
                String length = ctx.header("Content-Length");
                if (length != null && length.matches("\\d{1,18}") && Long.parseLong(length) > config.maxBodyBytes() && !BundleRoutes.isBundlePath(ctx.path())) {
                    throw new ApiException(413, null, "The request body has " + length + " bytes; at most "
                            + config.maxBodyBytes() + " are accepted");
                }
            });
            HealthRoutes.register(routes, database);
            FlowRoutes.register(routes, database);
            FlowRunRoutes.register(routes, database, orchestrator);
            DeploymentRoutes.register(routes, database, orchestrator, changes, config.clock());
            WorkPoolRoutes.register(routes, database, orchestrator, changes, config.clock());
            TaskRunRoutes.register(routes, database, orchestrator);
            LogRoutes.register(routes, database, orchestrator, changes);
            EventRoutes.register(routes, database, changes);
            ApiKeyRoutes.register(routes, keys);
            BundleRoutes.register(routes, dev.weir.server.store.BundleStore.forDatabase(config.databaseUrl()));
            routes.get("/api/openapi.json", "This document", "OpenApi", Operation.Access.READ,
                    ctx -> ctx.json(OpenApiDocument.of(documented, HealthRoutes.VERSION)));
            documented.addAll(routes.operations());
            javalin.routes.exception(Exception.class, Problems::handle);
            for (int status : new int[] {400, 401, 403, 404, 405, 406, 408, 413, 415, 429, 500, 503}) {
                javalin.routes.error(status, "*", ctx -> Problems.ensureProblem(ctx));
            }
        });
    }
}
