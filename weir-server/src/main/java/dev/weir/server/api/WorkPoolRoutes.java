package dev.weir.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weir.api.ScheduledRunsRequest;
import dev.weir.api.WorkPoolCreate;
import dev.weir.api.WorkQueueCreate;
import dev.weir.api.WorkerHeartbeat;
import dev.weir.core.Json;
import dev.weir.server.orchestration.FlowRunOrchestrator;
import dev.weir.server.store.Database;
import dev.weir.server.store.NewWorkPool;
import dev.weir.server.store.NewWorkQueue;
import dev.weir.server.store.StoreException;
import dev.weir.server.store.UpsertedWorkPool;
import dev.weir.server.store.WorkPoolRecord;
import dev.weir.server.store.WorkQueueRecord;
import dev.weir.server.store.WorkerRecord;
import io.javalin.http.Context;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.UUID;

/**
 * {@code /api/work_pools}: pools (upsert, read, list, delete, pause, resume), their queues, their
 * workers' heartbeats, and the claim of due runs by a worker, held as a long poll when nothing is due.
 */
final class WorkPoolRoutes {

    /** How long a queue stays READY after a poll. */
    private static final Duration READY_FOR = Duration.ofSeconds(60);

    private WorkPoolRoutes() {}

    static void register(ApiRoutes routes, Database database, FlowRunOrchestrator orchestrator, Changes changes,
            InstantSource clock) {
        routes.post("/api/work_pools", "Creates a work pool with its default queue, or updates the one of that name",
                "WorkPoolCreate", "WorkPool", Operation.Access.WRITE, ctx -> {
                    UpsertedWorkPool upserted = database.workPools().upsert(pool(Requests.body(ctx, WorkPoolCreate.class)),
                            clock.instant());
                    ctx.status(upserted.inserted() ? 201 : 200).json(poolView(database, upserted.pool()));
                });
        routes.get("/api/work_pools", "All work pools, by name", "WorkPool[]", Operation.Access.READ,
                ctx -> ctx.json(database.workPools().list().stream().map(p -> poolView(database, p)).toList()));
        routes.get("/api/work_pools/{name}", "One work pool", "WorkPool", Operation.Access.READ,
                ctx -> ctx.json(poolView(database, read(database, ctx))));
        routes.delete("/api/work_pools/{name}", "Deletes a work pool with its queues and workers", Operation.Access.WRITE,
                ctx -> {
                    String name = ctx.pathParam("name");
                    if (!database.workPools().delete(name)) {
                        throw ApiException.notFound("No work pool named '" + name + "'");
                    }
                    ctx.status(204);
                });
        routes.post("/api/work_pools/{name}/pause", "Pauses a work pool: its workers get no runs", null, "WorkPool",
                Operation.Access.WRITE, ctx -> setPaused(ctx, database, clock, true));
        routes.post("/api/work_pools/{name}/resume", "Resumes a paused work pool", null, "WorkPool",
                Operation.Access.WRITE, ctx -> setPaused(ctx, database, clock, false));
        routes.post("/api/work_pools/{name}/queues", "Creates a queue of the pool, or updates the one of that name",
                "WorkQueueCreate", "WorkQueue", Operation.Access.WRITE, ctx -> {
                    WorkQueueCreate body = Requests.body(ctx, WorkQueueCreate.class);
                    NewWorkQueue queue = queue(body);
                    WorkPoolRecord pool = read(database, ctx);
                    try {
                        ctx.json(queueView(database.workQueues().upsert(pool.id(), queue, clock.instant()), clock.instant()));
                    } catch (StoreException e) {
                        throw new ApiException(409, "priority", e.getMessage());
                    }
                });
        routes.get("/api/work_pools/{name}/queues", "The pool's queues, highest priority first", "WorkQueue[]",
                Operation.Access.READ, ctx -> {
                    Instant now = clock.instant();
                    ctx.json(database.workQueues().list(read(database, ctx).id()).stream().map(q -> queueView(q, now)).toList());
                });
        routes.post("/api/work_pools/{name}/get_scheduled_flow_runs",
                "Claims due runs of the pool's deployments for a worker, moving each to PENDING; waits up to"
                        + " waitSeconds for one when none is due", "ScheduledRunsRequest", "FlowRun[]",
                Operation.Access.WRITE, ctx -> claim(ctx, database, orchestrator, changes, clock));
        routes.post("/api/work_pools/{name}/workers/heartbeat", "Records that a worker of the pool is alive",
                "WorkerHeartbeat", "Worker", Operation.Access.WRITE, ctx -> {
                    WorkerHeartbeat body = Requests.body(ctx, WorkerHeartbeat.class);
                    if (body.name() == null || body.name().isBlank()) {
                        throw ApiException.badRequest("name", "'name' is required: the worker's name, unique in the pool");
                    }
                    ctx.json(database.workers().heartbeat(read(database, ctx).id(), body.name(), clock.instant()));
                });
        routes.get("/api/work_pools/{name}/workers", "The pool's workers, by name", "Worker[]", Operation.Access.READ,
                ctx -> ctx.json(database.workers().list(read(database, ctx).id())));
        routes.post("/api/work_pools/{name}/flow_runs/{id}/infrastructure",
                "Records where a claimed run executes: infrastructurePid, such as host:pid", "Infrastructure", null,
                Operation.Access.WRITE, ctx -> {
                    UUID id = Requests.uuid(ctx, "id");
                    JsonNode body = Requests.body(ctx, JsonNode.class);
                    JsonNode pid = body == null ? null : body.get("infrastructurePid");
                    if (pid == null || !pid.isTextual() || pid.asText().isBlank()) {
                        throw ApiException.badRequest("infrastructurePid", "'infrastructurePid' is required: where the"
                                + " run executes, such as host:1234");
                    }
                    if (!database.flowRuns().setInfrastructurePid(id, pid.asText())) {
                        throw ApiException.notFound("No flow run with id " + id);
                    }
                    ctx.status(204);
                });
    }

    private static NewWorkPool pool(WorkPoolCreate body) {
        if (body.name() == null || body.name().isBlank()) {
            throw ApiException.badRequest("name", "'name' is required: the work pool's name");
        }
        if (!body.name().matches("[\\p{L}\\p{N}_.-]+")) {
            throw ApiException.badRequest("name", "'name' may hold letters, digits, '_', '.' and '-', got '" + body.name() + "'");
        }
        String type = body.type() == null ? "process" : body.type();
        if (!type.equals("process")) {
            throw ApiException.badRequest("type", "'type' must be 'process' (a child JVM), got '" + type + "'");
        }
        if (body.concurrencyLimit() != null && body.concurrencyLimit() < 0) {
            throw ApiException.badRequest("concurrencyLimit", "'concurrencyLimit' must be 0 or more, or absent for no"
                    + " limit; got " + body.concurrencyLimit());
        }
        return new NewWorkPool(body.name(), type, body.description(), body.baseJobTemplate(), body.concurrencyLimit(),
                Boolean.TRUE.equals(body.paused()));
    }

    private static NewWorkQueue queue(WorkQueueCreate body) {
        if (body.name() == null || body.name().isBlank()) {
            throw ApiException.badRequest("name", "'name' is required: the queue's name, unique in the pool");
        }
        if (body.priority() != null && body.priority() < 1) {
            throw ApiException.badRequest("priority", "'priority' must be 1 (the highest) or more, got " + body.priority());
        }
        if (body.concurrencyLimit() != null && body.concurrencyLimit() < 0) {
            throw ApiException.badRequest("concurrencyLimit", "'concurrencyLimit' must be 0 or more, or absent for no"
                    + " limit; got " + body.concurrencyLimit());
        }
        return new NewWorkQueue(body.name(), body.priority(), body.concurrencyLimit(), Boolean.TRUE.equals(body.paused()));
    }

    private static void claim(Context ctx, Database database, FlowRunOrchestrator orchestrator, Changes changes,
            InstantSource clock) throws InterruptedException {
        ScheduledRunsRequest body = ctx.body().isBlank() ? new ScheduledRunsRequest(null, null, null, null)
                : Requests.body(ctx, ScheduledRunsRequest.class);
        int limit = body.limit() == null ? 10 : Requests.bounded("limit", body.limit(), 1, 100);
        int wait = body.waitSeconds() == null ? 0
                : Requests.bounded("waitSeconds", body.waitSeconds(), 0, RunClaims.MAX_WAIT_SECONDS);
        List<String> queues = body.workQueueNames() == null ? List.of() : body.workQueueNames();
        if (queues.stream().anyMatch(q -> q == null)) {
            throw ApiException.badRequest("workQueueNames", "'workQueueNames' must not hold null");
        }
        String name = read(database, ctx).name();
        RunClaims.answer(ctx, changes, wait, () -> orchestrator.claimScheduledRuns(name, queues,
                body.scheduledBefore() == null ? clock.instant() : body.scheduledBefore(), limit));
    }

    private static void setPaused(Context ctx, Database database, InstantSource clock, boolean paused) {
        String name = ctx.pathParam("name");
        if (!database.workPools().setPaused(name, paused, clock.instant())) {
            throw ApiException.notFound("No work pool named '" + name + "'");
        }
        ctx.json(poolView(database, read(database, ctx)));
    }

    private static WorkPoolRecord read(Database database, Context ctx) {
        String name = ctx.pathParam("name");
        return database.workPools().read(name).orElseThrow(() -> ApiException.notFound("No work pool named '" + name + "'"));
    }

    /** A pool with its status: PAUSED, READY while one of its workers is ONLINE, else NOT_READY. */
    private static ObjectNode poolView(Database database, WorkPoolRecord pool) {
        ObjectNode node = Json.mapper().valueToTree(pool);
        boolean online = database.workers().list(pool.id()).stream().anyMatch(w -> w.status() == WorkerRecord.Status.ONLINE);
        node.put("status", pool.paused() ? "PAUSED" : online ? "READY" : "NOT_READY");
        return node;
    }

    /** A queue with its status: PAUSED, READY if polled in the last 60 s, else NOT_READY. */
    private static ObjectNode queueView(WorkQueueRecord queue, Instant now) {
        ObjectNode node = Json.mapper().valueToTree(queue);
        String status = queue.paused() ? "PAUSED"
                : queue.lastPolled() != null && queue.lastPolled().isAfter(now.minus(READY_FOR)) ? "READY" : "NOT_READY";
        node.put("status", status);
        return node;
    }
}
