package dev.weir.server.api;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.weir.api.LogLine;
import dev.weir.api.LogQuery;
import dev.weir.core.Json;
import dev.weir.run.RunLog;
import dev.weir.server.orchestration.FlowRunOrchestrator;
import dev.weir.server.store.Database;
import dev.weir.server.store.LogEntry;
import dev.weir.server.store.LogFilter;
import dev.weir.server.store.LogLevel;
import dev.weir.server.store.TimeRange;
import io.javalin.http.sse.SseClient;
import java.util.List;
import java.util.UUID;

/** {@code /api/logs}: batched ingest, filtered reads, and a live tail over server-sent events. */
final class LogRoutes {

    static final int MAX_BATCH = 10_000;
    static final int MAX_MESSAGE = 1_000_000;

    private LogRoutes() {}

    static void register(ApiRoutes routes, Database database, FlowRunOrchestrator orchestrator, Changes changes) {
        routes.post("/api/logs", "Records log lines", "RunLog[]", null, Operation.Access.WRITE, ctx -> {
            List<RunLog> logs = Requests.body(ctx, Json.mapper().getTypeFactory().constructType(
                    new TypeReference<List<RunLog>>() {}));
            if (logs.size() > MAX_BATCH) {
                throw ApiException.badRequest(null, "A batch holds at most " + MAX_BATCH + " log lines, got " + logs.size());
            }
            for (int i = 0; i < logs.size(); i++) {
                validate(logs.get(i), i);
            }
            orchestrator.recordLogs(logs);
            ctx.status(204);
        });
        routes.post("/api/logs/filter", "Log lines matching a query, oldest first", "LogQuery", "LogLine[]",
                Operation.Access.READ, ctx -> {
                    LogQuery query = Requests.body(ctx, LogQuery.class);
                    ctx.json(database.logs().list(filter(query), FlowRunQueries.page(query.limit(), query.offset()))
                            .stream().map(LogRoutes::line).toList());
                });
        routes.sse("/api/logs/stream", "Live tail of a flow run's log lines (flowRunId, afterId) as server-sent events",
                "LogLine", Operation.Access.READ, client -> tail(client, database, changes));
    }

    private static void tail(SseClient client, Database database, Changes changes) {
        UUID flowRunId = Requests.uuid("flowRunId", String.valueOf(client.ctx().queryParam("flowRunId")));
        String after = client.ctx().queryParam("afterId");
        long cursor = after == null || after.isBlank() ? 0 : Requests.bounded("afterId", after, 0, Integer.MAX_VALUE);
        client.keepAlive();
        long seen = changes.version();
        try {
            while (!client.terminated()) {
                List<LogEntry> entries = database.logs().since(flowRunId, cursor, 500);
                for (LogEntry entry : entries) {
                    client.sendEvent("log", line(entry), String.valueOf(entry.id()));
                    cursor = entry.id();
                }
                if (entries.isEmpty()) {
                    seen = changes.awaitAfter(seen, 1000);
                    client.sendComment("keep-alive");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(LogRoutes.class).warn("log stream ended", e);
        } finally {
            client.close();
        }
    }

    private static LogFilter filter(LogQuery query) {
        LogFilter filter = LogFilter.all();
        if (query.flowRunId() != null) {
            filter = filter.withFlowRun(query.flowRunId());
        }
        if (query.taskRunId() != null) {
            filter = filter.withTaskRun(query.taskRunId());
        }
        if (query.minLevel() != null) {
            try {
                filter = filter.withMinLevel(LogLevel.parse(query.minLevel()));
            } catch (RuntimeException e) {
                throw ApiException.badRequest("minLevel", e.getMessage());
            }
        }
        if (query.after() != null || query.before() != null) {
            filter = filter.withTimestamp(new TimeRange(query.after(), query.before()));
        }
        return filter;
    }

    private static void validate(RunLog log, int index) {
        String at = "[" + index + "]";
        if (log == null || log.message() == null || log.timestamp() == null || log.level() == null) {
            throw ApiException.badRequest(at, "Log line " + at + " needs a 'level', a 'message' and a 'timestamp'");
        }
        if (log.message().length() > MAX_MESSAGE) {
            throw ApiException.badRequest(at + ".message", "Log line " + at + " has " + log.message().length()
                    + " characters; at most " + MAX_MESSAGE + " are accepted");
        }
        try {
            LogLevel.parse(log.level());
        } catch (RuntimeException e) {
            throw ApiException.badRequest(at + ".level", e.getMessage());
        }
    }

    static LogLine line(LogEntry entry) {
        RunLog log = entry.log();
        return new LogLine(entry.id(), log.flowRunId(), log.taskRunId(), log.level(), log.logger(), log.message(), log.timestamp());
    }
}
