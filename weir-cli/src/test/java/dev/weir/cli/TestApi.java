package dev.weir.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.api.SetStateRequest;
import dev.weir.core.Ids;
import dev.weir.core.Json;
import dev.weir.orchestrator.FlowRunCreate;
import dev.weir.run.RunLog;
import dev.weir.run.TaskRun;
import dev.weir.server.ServerConfig;
import dev.weir.server.WeirServer;
import dev.weir.state.State;
import dev.weir.state.StateType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A real Weir server on port 0 over a temporary SQLite file, with helpers that create flow runs, task
 * runs and log lines through its API, as clients do.
 */
final class TestApi implements AutoCloseable {

    private final WeirServer server;
    private final HttpClient http = HttpClient.newHttpClient();
    private final String databaseUrl;
    private String key;

    private TestApi(WeirServer server, String databaseUrl) {
        this.server = server;
        this.databaseUrl = databaseUrl;
    }

    static TestApi start(Path home, boolean auth) {
        String url = "jdbc:sqlite:" + home.resolve("weir.db");
        ServerConfig config = new ServerConfig("127.0.0.1", 0, url, auth, false, 1024 * 1024, 0, java.time.InstantSource.system());
        return new TestApi(WeirServer.start(config), url);
    }

    URI apiUrl() {
        return server.apiUrl();
    }

    String databaseUrl() {
        return databaseUrl;
    }

    TestApi withKey(String value) {
        this.key = value;
        return this;
    }

    /**
     * Creates a flow run of {@code flow}, PENDING, then moved through states of {@code types}, each
     * stamped when it is proposed.
     */
    UUID flowRun(String name, String flow, StateType... types) {
        UUID id = Ids.newId();
        send("POST", "/flow_runs", new FlowRunCreate(id, name, flow, "v1", Map.of(), List.of(), null, null,
                State.pending(Instant.now())), 201);
        for (StateType type : types) {
            setState(id, type);
        }
        return id;
    }

    void setState(UUID flowRun, StateType type) {
        State state = State.of(type, Instant.now());
        String body = send("POST", "/flow_runs/" + flowRun + "/set_state", new SetStateRequest(state, false), 200);
        assertThat(body).contains("\"status\":\"ACCEPT\"");
    }

    UUID taskRun(UUID flowRun, String name) {
        UUID id = Ids.newId();
        Instant now = Instant.now();
        TaskRun run = new TaskRun(id, name, "Etl#" + name, flowRun, 0, List.of(), Map.of(), State.completed(now), 1, now,
                now, now.plusMillis(5), Duration.ofMillis(5));
        send("POST", "/task_runs/batch", List.of(run), 204);
        return id;
    }

    void log(UUID flowRun, UUID taskRun, String level, String message) {
        send("POST", "/logs", List.of(new RunLog(flowRun, taskRun, level, "weir.test", message, Instant.now())), 204);
    }

    private String send(String method, String path, Object body, int expected) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.apiUrl() + path))
                    .method(method, HttpRequest.BodyPublishers.ofString(Json.mapper().writeValueAsString(body)))
                    .header("Content-Type", "application/json");
            if (key != null) {
                request.header("Authorization", "Bearer " + key);
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isEqualTo(expected);
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.close();
        http.close();
    }
}
