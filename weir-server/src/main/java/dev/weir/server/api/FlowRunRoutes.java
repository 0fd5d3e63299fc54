package dev.weir.server.api;

import dev.weir.api.FlowRunQuery;
import dev.weir.api.FlowRunResume;
import dev.weir.core.Json;
import dev.weir.state.PauseDetails;
import dev.weir.state.State;
import dev.weir.state.StateType;
import java.util.Optional;
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
        routes.post("/api/flow_runs/{id}/cancel", "Cancels a run: Cancelled at once if nothing executes it yet, else"
                + " Cancelling until its worker has stopped its processes", null, "SetStateResponse", Operation.Access.WRITE,
                ctx -> {
                    UUID id = Requests.uuid(ctx, "id");
                    FlowRunRecord run = read(database, id);
                    if (run.run().state().isFinal()) {
                        throw new ApiException(409, null, "The flow run has already finished in state "
                                + run.run().state().name() + "; only a run that has not finished can be cancelled");
                    }
                    ctx.json(SetStateResponse.of(orchestrator.cancel(id, "Cancelled on request")));
                });
        routes.post("/api/flow_runs/{id}/retry", "Runs a finished deployment run again: back to its queue, due now",
                null, "SetStateResponse", Operation.Access.WRITE, ctx -> {
                    UUID id = Requests.uuid(ctx, "id");
                    FlowRunRecord run = read(database, id);
                    if (!run.run().state().isFinal()) {
                        throw new ApiException(409, null, "The flow run is " + run.run().state().name()
                                + "; only a finished run can be retried");
                    }
                    if (run.deploymentId() == null) {
                        throw new ApiException(409, null, "The flow run was not created from a deployment, so no worker"
                                + " can run it again; run its flow again from its code");
                    }
                    ctx.json(SetStateResponse.of(orchestrator.retry(id)));
                });
        routes.post("/api/flow_runs/{id}/resume", "Resumes a paused run, with the input its pause waits for",
                "FlowRunResume", "SetStateResponse", Operation.Access.WRITE, ctx -> {
                    UUID id = Requests.uuid(ctx, "id");
                    FlowRunRecord run = read(database, id);
                    FlowRunResume parsed = ctx.body().isBlank() ? null : Requests.body(ctx, FlowRunResume.class);
                    FlowRunResume body = parsed == null ? new FlowRunResume(null) : parsed;
                    State current = run.run().state();
                    if (current.type() != StateType.PAUSED) {
                        throw new ApiException(409, null, "The flow run is " + current.name()
                                + "; only a paused run can be resumed");
                    }
                    checkInput(current, body.runInput());
                    ctx.json(SetStateResponse.of(orchestrator.resume(id, body.runInput())));
                });
        routes.get("/api/flow_runs/{id}/input/{key}", "The input sent to a run under a key, such as a resume's",
                "Object", Operation.Access.READ, ctx -> {
                    UUID id = Requests.uuid(ctx, "id");
                    read(database, id);
                    String key = ctx.pathParam("key");
                    Object value = database.flowRunInputs().read(id, key)
                            .orElseThrow(() -> ApiException.notFound("Flow run " + id + " has no input '" + key + "'"));
                    ctx.json(Map.of("value", value));
                });
        routes.post("/api/flow_runs/{id}/heartbeat", "Records that the run's process is alive; answers the run, so"
                + " the process learns when it is being cancelled", null, "FlowRun", Operation.Access.WRITE, ctx -> {
                    UUID id = Requests.uuid(ctx, "id");
                    try {
                        ctx.json(FlowRunViews.of(orchestrator.heartbeat(id)));
                    } catch (java.util.NoSuchElementException e) {
                        throw ApiException.notFound("No flow run with id " + id);
                    }
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

    /** A resume of a pause that waits for input must carry input that its schema accepts. */
    private static void checkInput(State paused, Object input) {
        PauseDetails pause = paused.details().pause();
        if (pause == null || pause.inputSchema() == null) {
            return;
        }
        if (input == null) {
            throw new ApiException(422, "runInput", "'runInput' is required: the paused run waits for input matching"
                    + " its JSON Schema");
        }
        Optional<ParameterValidator.Violation> violation = ParameterValidator.check(
                Json.mapper().valueToTree(pause.inputSchema()), Json.mapper().valueToTree(input));
        if (violation.isPresent()) {
            throw new ApiException(422, "runInput." + violation.get().path(), violation.get().message());
        }
    }

    static FlowRunRecord read(Database database, UUID id) {
        return database.flowRuns().read(id).orElseThrow(() -> ApiException.notFound("No flow run with id " + id));
    }
}
