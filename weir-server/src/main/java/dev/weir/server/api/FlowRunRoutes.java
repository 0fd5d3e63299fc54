package dev.weir.server.api;

import dev.weir.api.FlowRunQuery;
import dev.weir.api.SetStateRequest;
import dev.weir.api.SetStateResponse;
import dev.weir.orchestrator.FlowRunCreate;
import dev.weir.server.orchestration.FlowRunOrchestrator;
import dev.weir.server.store.CreatedFlowRun;
import dev.weir.server.store.Database;
import dev.weir.server.store.FlowRunRecord;
import dev.weir.server.store.StateRecord;
import java.util.Map;
import java.util.UUID;

/** {@code /api/flow_runs}: create, read, filter, count, propose states, read state history, delete. */
final class FlowRunRoutes {

    private FlowRunRoutes() {}

    static void register(ApiRoutes routes, Database database, FlowRunOrchestrator orchestrator) {
        routes.post("/api/flow_runs", "Creates a flow run; idempotent by its id and by the Idempotency-Key header",
                "FlowRunCreate", "FlowRun", Operation.Access.WRITE, ctx -> {
                    FlowRunCreate create = Requests.body(ctx, FlowRunCreate.class);
                    CreatedFlowRun created = orchestrator.create(create, ctx.header("Idempotency-Key"));
                    ctx.status(created.inserted() ? 201 : 200).json(FlowRunViews.of(created.run()));
                });
        routes.post("/api/flow_runs/filter", "Flow runs matching a query, sorted and paged", "FlowRunQuery", "FlowRun[]",
                Operation.Access.READ, ctx -> {
                    FlowRunQuery query = ctx.body().isBlank() ? FlowRunQuery.all() : Requests.body(ctx, FlowRunQuery.class);
                    ctx.json(database.flowRuns()
                            .list(FlowRunQueries.filter(query), FlowRunQueries.sort(query),
                                    FlowRunQueries.page(query.limit(), query.offset()))
                            .stream().map(FlowRunViews::of).toList());
                });
        routes.post("/api/flow_runs/count", "How many flow runs match a query", "FlowRunQuery", "Count",
                Operation.Access.READ, ctx -> {
                    FlowRunQuery query = ctx.body().isBlank() ? FlowRunQuery.all() : Requests.body(ctx, FlowRunQuery.class);
                    ctx.json(Map.of("count", database.flowRuns().count(FlowRunQueries.filter(query))));
                });
        routes.get("/api/flow_runs/{id}", "One flow run", "FlowRun", Operation.Access.READ,
                ctx -> ctx.json(FlowRunViews.of(read(database, Requests.uuid(ctx, "id")))));
        routes.post("/api/flow_runs/{id}/set_state", "Proposes a state; the orchestration rules decide",
                "SetStateRequest", "SetStateResponse", Operation.Access.WRITE, ctx -> {
                    UUID id = Requests.uuid(ctx, "id");
                    SetStateRequest request = Requests.body(ctx, SetStateRequest.class);
                    if (request.state() == null) {
                        throw ApiException.badRequest("state", "'state' is required: the proposed state, with at least its 'type'");
                    }
                    read(database, id);
                    ctx.json(SetStateResponse.of(orchestrator.setState(id, request.state(), request.force())));
                });
        routes.get("/api/flow_runs/{id}/states", "The states a flow run has been in, oldest first", "State[]",
                Operation.Access.READ, ctx -> {
                    UUID id = Requests.uuid(ctx, "id");
                    read(database, id);
                    ctx.json(database.flowRuns().states(id).stream().map(StateRecord::state).toList());
                });
        routes.get("/api/flow_runs/{id}/task_runs", "The task runs of a flow run", "TaskRun[]", Operation.Access.READ,
                ctx -> {
                    UUID id = Requests.uuid(ctx, "id");
                    read(database, id);
                    ctx.json(database.taskRuns().listByFlowRun(id));
                });
        routes.delete("/api/flow_runs/{id}", "Deletes a flow run with its task runs, states and logs",
                Operation.Access.WRITE, ctx -> {
                    UUID id = Requests.uuid(ctx, "id");
                    if (!database.flowRuns().delete(id)) {
                        throw ApiException.notFound("No flow run with id " + id);
                    }
                    ctx.status(204);
                });
    }

    static FlowRunRecord read(Database database, UUID id) {
        return database.flowRuns().read(id).orElseThrow(() -> ApiException.notFound("No flow run with id " + id));
    }
}
