package dev.weir.server.api;

import dev.weir.server.store.Database;
import java.util.Map;

/** {@code /api/health} (the process answers), {@code /api/ready} (the database answers), {@code /api/version}. */
final class HealthRoutes {

    static final String VERSION = "0.1.0";

    private HealthRoutes() {}

    static void register(ApiRoutes routes, Database database) {
        routes.get("/api/health", "Whether the server process answers", "Status", Operation.Access.PUBLIC,
                ctx -> ctx.json(Map.of("status", "ok")));
        routes.get("/api/ready", "Whether the server can reach its database (503 when it cannot)", "Status",
                Operation.Access.PUBLIC, ctx -> {
                    try {
                        database.flows().count();
                        ctx.json(Map.of("status", "ready"));
                    } catch (RuntimeException e) {
                        Problems.send(ctx, 503, "The database does not answer: " + e.getMessage(), null);
                    }
                });
        routes.get("/api/version", "The server's version, API version and database", "Version", Operation.Access.READ,
                ctx -> ctx.json(Map.of("version", VERSION, "api", "1", "database", database.kind().name(),
                        "schemaVersion", database.schemaVersion())));
    }
}
