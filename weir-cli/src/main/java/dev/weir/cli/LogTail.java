package dev.weir.cli;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.weir.api.LogLine;
import dev.weir.cli.http.ApiClient;
import dev.weir.cli.http.ServerSentEvents;
import dev.weir.core.Json;
import dev.weir.run.FlowRun;
import dev.weir.run.TaskRun;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Follows a flow run's log over {@code GET /api/logs/stream} until the run is final.
 *
 * <p>The server sends a keep-alive comment only after a read that found no new line, about every
 * second. At each comment the tail asks for the run's state; once it is final, the tail opens a fresh
 * stream after the last line seen and stops at that stream's first comment: its first read began after
 * the final state was seen, so every line written before it has been printed. A stream the server ends
 * is opened again after the last line seen; one that ends before sending anything is an error, so
 * that the tail never spins.
 */
final class LogTail {

    private static final TypeReference<FlowRun> FLOW_RUN = new TypeReference<>() {};
    private static final TypeReference<List<TaskRun>> TASK_RUNS = new TypeReference<>() {};

    private final ApiClient client;
    private final UUID flowRunId;
    private final Map<UUID, String> taskNames = new HashMap<>();

    LogTail(ApiClient client, UUID flowRunId) {
        this.client = client;
        this.flowRunId = flowRunId;
    }

    /** The task run names of the flow run, refreshed from the API. */
    Map<UUID, String> taskNames() {
        client.get("/flow_runs/" + flowRunId + "/task_runs", TASK_RUNS).forEach(task -> taskNames.put(task.id(), task.name()));
        return taskNames;
    }

    /** Prints lines with {@code printer} until the run is final; returns the run in its final state. */
    FlowRun follow(LogPrinter printer) {
        long cursor = 0;
        boolean finalSeen = false;
        while (true) {
            try (ServerSentEvents events = client.stream("/logs/stream?flowRunId=" + flowRunId + "&afterId=" + cursor)) {
                Optional<ServerSentEvents.Item> item;
                int received = 0;
                while ((item = events.next()).isPresent()) {
                    received++;
                    if (item.get() instanceof ServerSentEvents.Event event && event.name().equals("log")) {
                        LogLine line = Json.mapper().readValue(event.data(), LogLine.class);
                        if (!printer.knowsTaskOf(line)) {
                            taskNames();
                        }
                        printer.print(line);
                        cursor = line.id();
                    } else if (item.get() instanceof ServerSentEvents.Comment) {
                        if (finalSeen) {
                            return run();
                        }
                        if (run().state().isFinal()) {
                            finalSeen = true;
                            break;
                        }
                    }
                }
                if (item.isEmpty() && received == 0) {
                    throw CliException.failure("The log stream at " + client.baseUrl() + "/logs/stream ended without"
                            + " sending anything; is WEIR_API_URL a Weir server?");
                }
            } catch (IOException e) {
                throw new UncheckedIOException("The log stream of " + client.baseUrl() + " failed: " + e.getMessage(), e);
            }
        }
    }

    FlowRun run() {
        return client.get("/flow_runs/" + flowRunId, FLOW_RUN);
    }
}
