package dev.weir.server.api;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weir.api.DeploymentCreate;
import dev.weir.api.DeploymentQuery;
import dev.weir.api.DeploymentRunsClaim;
import dev.weir.api.DeploymentRunCreate;
import dev.weir.api.DeploymentScheduleCreate;
import dev.weir.core.Ids;
import dev.weir.core.Json;
import dev.weir.orchestrator.FlowRunCreate;
import dev.weir.server.orchestration.FlowRunOrchestrator;
import dev.weir.server.store.CreatedFlowRun;
import dev.weir.server.store.Database;
import dev.weir.server.store.DeploymentFilter;
import dev.weir.server.store.DeploymentRecord;
import dev.weir.server.store.DeploymentScheduleRecord;
import dev.weir.server.store.NewDeployment;
import dev.weir.server.store.NewDeploymentSchedule;
import dev.weir.server.store.NewFlowRun;
import dev.weir.server.store.UpsertedDeployment;
import dev.weir.state.State;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * {@code /api/deployments}: upsert, read, filter, count, delete, pause and resume, replace schedules,
 * and create a run with parameters validated against the deployment's schema.
 */
final class DeploymentRoutes {

    private static final JavaType SCHEDULES =
            Json.mapper().getTypeFactory().constructCollectionType(List.class, DeploymentScheduleCreate.class);

    private DeploymentRoutes() {}

    static void register(ApiRoutes routes, Database database, FlowRunOrchestrator orchestrator, Changes changes,
            InstantSource clock) {
        routes.post("/api/deployments", "Creates a deployment, or updates the one of that flow and name",
                "DeploymentCreate", "Deployment", Operation.Access.WRITE, ctx -> {
                    DeploymentCreate body = Requests.body(ctx, DeploymentCreate.class);
                    NewDeployment deployment = deployment(body);
                    List<NewDeploymentSchedule> schedules = body.schedules() == null ? null : schedules(body.schedules(), "schedules");
                    Instant now = clock.instant();
                    UpsertedDeployment upserted = database.inTransaction(tx -> {
                        UpsertedDeployment written = tx.deployments().upsert(deployment, now);
                        if (schedules != null) {
                            tx.deploymentSchedules().replace(written.deployment().id(), schedules, now);
                        }
                        return written;
                    });
                    ctx.status(upserted.inserted() ? 201 : 200).json(view(database, upserted.deployment()));
                });
        routes.post("/api/deployments/get_scheduled_flow_runs",
                "Claims due runs of deployments served by the calling process (on no work pool), moving each to"
                        + " PENDING; waits up to waitSeconds for one when none is due", "DeploymentRunsClaim", "FlowRun[]",
                Operation.Access.WRITE, ctx -> claim(ctx, orchestrator, changes, clock));
        routes.post("/api/deployments/filter", "Deployments matching a query, by flow name then name", "DeploymentQuery",
                "Deployment[]", Operation.Access.READ, ctx -> {
                    DeploymentQuery query = query(ctx);
                    ctx.json(database.deployments()
                            .list(filter(query), FlowRunQueries.page(query.limit(), query.offset()))
                            .stream().map(d -> view(database, d)).toList());
                });
        routes.post("/api/deployments/count", "How many deployments match a query", "DeploymentQuery", "Count",
                Operation.Access.READ, ctx -> ctx.json(Map.of("count", database.deployments().count(filter(query(ctx))))));
        routes.get("/api/deployments/{id}", "One deployment with its schedules", "Deployment", Operation.Access.READ,
                ctx -> ctx.json(view(database, read(database, Requests.uuid(ctx, "id")))));
        routes.delete("/api/deployments/{id}", "Deletes a deployment with its schedules and unstarted scheduled runs",
                Operation.Access.WRITE, ctx -> {
                    UUID id = Requests.uuid(ctx, "id");
                    if (!database.deployments().delete(id)) {
                        throw ApiException.notFound("No deployment with id " + id);
                    }
                    ctx.status(204);
                });
        routes.post("/api/deployments/{id}/pause", "Pauses a deployment: no more scheduled runs, unstarted ones deleted",
                null, "Deployment", Operation.Access.WRITE, ctx -> setPaused(ctx, database, clock, true));
        routes.post("/api/deployments/{id}/resume", "Resumes a paused deployment", null, "Deployment",
                Operation.Access.WRITE, ctx -> setPaused(ctx, database, clock, false));
        routes.get("/api/deployments/{id}/schedules", "A deployment's schedules", "DeploymentSchedule[]",
                Operation.Access.READ, ctx -> {
                    UUID id = Requests.uuid(ctx, "id");
                    read(database, id);
                    ctx.json(database.deploymentSchedules().list(id));
                });
        routes.put("/api/deployments/{id}/schedules", "Replaces a deployment's schedules; their unstarted runs go",
                "DeploymentScheduleCreate[]", "DeploymentSchedule[]", Operation.Access.WRITE, ctx -> {
                    UUID id = Requests.uuid(ctx, "id");
                    List<DeploymentScheduleCreate> body = Requests.body(ctx, SCHEDULES);
                    List<NewDeploymentSchedule> schedules = schedules(body, "");
                    read(database, id);
                    ctx.json(database.deploymentSchedules().replace(id, schedules, clock.instant()));
                });
        routes.post("/api/deployments/{id}/create_flow_run", "Creates a run of the deployment, SCHEDULED at its time",
                "DeploymentRunCreate", "FlowRun", Operation.Access.WRITE, ctx -> {
                    UUID id = Requests.uuid(ctx, "id");
                    DeploymentRunCreate body = ctx.body().isBlank()
                            ? new DeploymentRunCreate(null, null, null, null, null)
                            : Requests.body(ctx, DeploymentRunCreate.class);
                    CreatedFlowRun created = orchestrator.create(run(read(database, id), body, clock.instant()));
                    ctx.status(created.inserted() ? 201 : 200).json(FlowRunViews.of(created.run()));
                });
    }

    private static void claim(Context ctx, FlowRunOrchestrator orchestrator, Changes changes, InstantSource clock)
            throws InterruptedException {
        DeploymentRunsClaim body = Requests.body(ctx, DeploymentRunsClaim.class);
        List<UUID> ids = body.deploymentIds();
        if (ids == null || ids.isEmpty() || ids.size() > 100) {
            throw ApiException.badRequest("deploymentIds", "'deploymentIds' is required: the ids of the served"
                    + " deployments, 1 to 100 of them; got " + (ids == null ? "none" : ids.size()));
        }
        if (ids.contains(null)) {
            throw ApiException.badRequest("deploymentIds", "'deploymentIds' must not hold null");
        }
        int limit = body.limit() == null ? 10 : Requests.bounded("limit", body.limit(), 1, 100);
        int wait = body.waitSeconds() == null ? 0
                : Requests.bounded("waitSeconds", body.waitSeconds(), 0, RunClaims.MAX_WAIT_SECONDS);
        Set<UUID> deployments = new LinkedHashSet<>(ids);
        RunClaims.answer(ctx, changes, wait, () -> orchestrator.claimServedRuns(deployments, clock.instant(), limit));
    }

    private static NewDeployment deployment(DeploymentCreate body) {
        String name = required(body.name(), "name", "the deployment's name, unique per flow");
        String flowName = required(body.flowName(), "flowName", "the name of the flow it runs");
        String entrypoint = required(body.entrypoint(), "entrypoint", "the flow method, such as com.acme.TaxiEtl#etl");
        if (!entrypoint.matches("[\\p{L}_$][\\p{L}\\p{N}_$.]*#[\\p{L}_$][\\p{L}\\p{N}_$]*")) {
            throw ApiException.badRequest("entrypoint", "'entrypoint' must be a class and method such as"
                    + " com.acme.TaxiEtl#etl, got '" + entrypoint + "'");
        }
        if (name.contains("/")) {
            throw ApiException.badRequest("name", "'name' must not contain '/', got '" + name + "'");
        }
        if (body.concurrencyLimit() != null && body.concurrencyLimit() < 0) {
            throw ApiException.badRequest("concurrencyLimit", "'concurrencyLimit' must be 0 or more, or absent for no"
                    + " limit; got " + body.concurrencyLimit());
        }
        if (body.tags() != null && body.tags().stream().anyMatch(tag -> tag == null || tag.isBlank())) {
            throw ApiException.badRequest("tags", "'tags' must not hold null or blank tags");
        }
        if (body.retries() != null && body.retries() < 0) {
            throw ApiException.badRequest("retries", "'retries' must be 0 or more, or absent for none; got " + body.retries());
        }
        if (body.retryDelaySeconds() != null && !(body.retryDelaySeconds() >= 0)) {
            throw ApiException.badRequest("retryDelaySeconds", "'retryDelaySeconds' must be 0 or more seconds, or absent;"
                    + " got " + body.retryDelaySeconds());
        }
        return new NewDeployment(flowName, name, entrypoint, body.workPoolName(), body.workQueueName(), body.parameters(),
                body.parameterSchema(), body.enforceParameterSchema() == null || body.enforceParameterSchema(),
                body.tags(), body.description(), body.version(), body.concurrencyLimit(), body.jobVariables(),
                collisionStrategy(body.collisionStrategy()), body.retries(), body.retryDelaySeconds());
    }

    private static NewDeployment.CollisionStrategy collisionStrategy(String value) {
        if (value == null || value.isBlank()) {
            return NewDeployment.CollisionStrategy.ENQUEUE;
        }
        try {
            return NewDeployment.CollisionStrategy.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("collisionStrategy", "'collisionStrategy' must be ENQUEUE (wait for a free slot)"
                    + " or CANCEL_NEW (cancel the new run); got '" + value + "'");
        }
    }

    private static String required(String value, String field, String what) {
        if (value == null || value.isBlank()) {
            throw ApiException.badRequest(field, "'" + field + "' is required: " + what);
        }
        return value;
    }

    private static List<NewDeploymentSchedule> schedules(List<DeploymentScheduleCreate> body, String field) {
        List<NewDeploymentSchedule> schedules = new ArrayList<>();
        for (int i = 0; i < body.size(); i++) {
            DeploymentScheduleCreate one = body.get(i);
            String at = field + "[" + i + "]";
            if (one == null || one.schedule() == null) {
                throw ApiException.badRequest(at + ".schedule", "'" + at + ".schedule' is required: a cron, interval"
                        + " or rrule schedule, such as {\"type\": \"cron\", \"cron\": \"0 9 * * *\", \"timezone\": \"UTC\"}");
            }
            schedules.add(new NewDeploymentSchedule(one.schedule(), one.active() == null || one.active(),
                    one.parameters(), one.slug()));
        }
        return schedules;
    }

    private static DeploymentQuery query(Context ctx) {
        return ctx.body().isBlank() ? DeploymentQuery.all() : Requests.body(ctx, DeploymentQuery.class);
    }

    private static DeploymentFilter filter(DeploymentQuery query) {
        return new DeploymentFilter(
                query.flowNames() == null ? null : new LinkedHashSet<>(nonNull(query.flowNames(), "flowNames")),
                query.paused(),
                query.tags() == null ? null : new LinkedHashSet<>(nonNull(query.tags(), "tags")));
    }

    private static List<String> nonNull(List<String> values, String field) {
        if (values.stream().anyMatch(v -> v == null)) {
            throw ApiException.badRequest(field, "'" + field + "' must not hold null");
        }
        return values;
    }

    private static void setPaused(Context ctx, Database database, InstantSource clock, boolean paused) {
        UUID id = Requests.uuid(ctx, "id");
        if (!database.deployments().setPaused(id, paused, clock.instant())) {
            throw ApiException.notFound("No deployment with id " + id);
        }
        ctx.json(view(database, read(database, id)));
    }

    /** The run to create: parameters merged over the deployment's and checked against its schema. */
    private static NewFlowRun run(DeploymentRecord deployment, DeploymentRunCreate body, Instant now) {
        Map<String, Object> parameters = new LinkedHashMap<>(deployment.parameters());
        if (body.parameters() != null) {
            parameters.putAll(body.parameters());
        }
        if (deployment.enforceParameterSchema() && !deployment.parameterSchema().isEmpty()) {
            JsonNode schema = Json.mapper().valueToTree(deployment.parameterSchema());
            Optional<ParameterValidator.Violation> violation =
                    ParameterValidator.check(schema, Json.mapper().valueToTree(parameters));
            if (violation.isPresent()) {
                throw new ApiException(422, "parameters." + violation.get().path(), violation.get().message());
            }
        }
        LinkedHashSet<String> tags = new LinkedHashSet<>(deployment.tags());
        if (body.tags() != null) {
            body.tags().stream().filter(tag -> tag != null && !tag.isBlank()).forEach(tags::add);
        }
        Instant due = body.scheduledTime() == null ? now : body.scheduledTime();
        FlowRunCreate create = new FlowRunCreate(Ids.newId(), body.name(), deployment.flowName(), deployment.version(),
                parameters, List.copyOf(tags), null, deployment.runPolicy(), State.scheduled(now, due));
        NewFlowRun run = NewFlowRun.of(create, now).withDeployment(deployment.id());
        return body.idempotencyKey() == null || body.idempotencyKey().isBlank() ? run : run.withIdempotencyKey(body.idempotencyKey());
    }

    private static DeploymentRecord read(Database database, UUID id) {
        return database.deployments().read(id).orElseThrow(() -> ApiException.notFound("No deployment with id " + id));
    }

    /** A deployment as the API shows it: its fields and its schedules. */
    private static ObjectNode view(Database database, DeploymentRecord deployment) {
        ObjectNode node = Json.mapper().valueToTree(deployment);
        List<DeploymentScheduleRecord> schedules = database.deploymentSchedules().list(deployment.id());
        node.set("schedules", Json.mapper().valueToTree(schedules));
        return node;
    }
}
