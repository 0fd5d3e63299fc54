package dev.weir.server.api;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.weir.core.Json;
import dev.weir.run.TaskRun;
import dev.weir.server.orchestration.FlowRunOrchestrator;
import dev.weir.server.store.Database;
import dev.weir.server.store.StateRecord;
import java.util.List;
import java.util.UUID;

/** {@code /api/task_runs}: batches of task runs as clients decided them, and reads. */
final class TaskRunRoutes {

    static final int MAX_BATCH = 5000;

    private TaskRunRoutes() {}

    static void register(ApiRoutes routes, Database database, FlowRunOrchestrator orchestrator) {
        routes.post("/api/task_runs/batch", "Records task runs in order: inserted, or updated by id", "TaskRun[]", null,
                Operation.Access.WRITE, ctx -> {
                    List<TaskRun> batch = Requests.body(ctx, Json.mapper().getTypeFactory().constructType(
                            new TypeReference<List<TaskRun>>() {}));
                    if (batch.size() > MAX_BATCH) {
                        throw ApiException.badRequest(null, "A batch holds at most " + MAX_BATCH + " task runs, got " + batch.size());
                    }
                    for (int i = 0; i < batch.size(); i++) {
                        validate(batch.get(i), i);
                    }
                    orchestrator.recordTaskRuns(batch);
                    ctx.status(204);
                });
        routes.get("/api/task_runs/{id}", "One task run", "TaskRun", Operation.Access.READ,
                ctx -> ctx.json(read(database, Requests.uuid(ctx, "id"))));
        routes.get("/api/task_runs/{id}/states", "The states a task run has been in, oldest first", "State[]",
                Operation.Access.READ, ctx -> {
                    UUID id = Requests.uuid(ctx, "id");
                    read(database, id);
                    ctx.json(database.taskRuns().states(id).stream().map(StateRecord::state).toList());
                });
    }

    private static void validate(TaskRun run, int index) {
        String at = "[" + index + "]";
        if (run == null) {
            throw ApiException.badRequest(at, "Task run " + at + " is null");
        }
        if (run.id() == null) {
            throw ApiException.badRequest(at + ".id", "Task run " + at + " has no 'id'");
        }
        if (run.state() == null) {
            throw ApiException.badRequest(at + ".state", "Task run " + at + " has no 'state'");
        }
        if (run.name() == null || run.taskKey() == null) {
            throw ApiException.badRequest(at + ".name", "Task run " + at + " needs a 'name' and a 'taskKey'");
        }
    }

    private static TaskRun read(Database database, UUID id) {
        return database.taskRuns().read(id).orElseThrow(() -> ApiException.notFound("No task run with id " + id));
    }
}
