package dev.weir.server.api;

import dev.weir.server.store.Database;
import dev.weir.server.store.Page;
import java.util.Map;

/** {@code /api/flows}: the flows that have runs. */
final class FlowRoutes {

    private FlowRoutes() {}

    static void register(ApiRoutes routes, Database database) {
        routes.get("/api/flows", "Flows by name, paged with limit and offset", "Flow[]", Operation.Access.READ,
                ctx -> ctx.json(database.flows().list(Page.of(
                        Requests.intParam(ctx, "limit", 200, 1, 1000), Requests.intParam(ctx, "offset", 0, 0, Integer.MAX_VALUE)))));
        routes.get("/api/flows/count", "How many flows there are", "Count", Operation.Access.READ,
                ctx -> ctx.json(Map.of("count", database.flows().count())));
        routes.get("/api/flows/{id}", "One flow", "Flow", Operation.Access.READ, ctx -> ctx.json(
                database.flows().read(Requests.uuid(ctx, "id"))
                        .orElseThrow(() -> ApiException.notFound("No flow with id " + ctx.pathParam("id")))));
    }
}
