package dev.weir.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weir.api.FlowRunQuery;
import dev.weir.api.SetStateRequest;
import dev.weir.core.Ids;
import dev.weir.orchestrator.FlowRunCreate;
import dev.weir.run.RetryPolicy;
import dev.weir.run.RunLog;
import dev.weir.run.TaskRun;
import dev.weir.state.State;
import dev.weir.state.StateType;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class FlowRunApiTest extends LocalServerTest {

    private static FlowRunCreate create(UUID id, int retries) {
        return new FlowRunCreate(id, "crimson-otter", "etl", "v1", Map.of("day", "2026-01-01"), List.of("nightly"), null,
                new RetryPolicy(retries, 5), State.pending(Instant.now()));
    }

    private JsonNode propose(UUID id, State state) {
        TestClient.Response response = client.post("/flow_runs/" + id + "/set_state", new SetStateRequest(state, false));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    @Test
    void healthReadyAndVersionAnswer() {
        assertThat(client.get("/health").json().get("status").asText()).isEqualTo("ok");
        assertThat(client.get("/ready").json().get("status").asText()).isEqualTo("ready");
        assertThat(client.get("/version").json().get("database").asText()).isEqualTo("SQLITE");
    }

    @Test
    void createIsIdempotentByIdAndByIdempotencyKey() {
        UUID id = Ids.newId();
        TestClient.Response first = client.post("/flow_runs", create(id, 0));
        TestClient.Response again = client.post("/flow_runs", create(id, 0));

        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("id").asText()).isEqualTo(id.toString());
        assertThat(first.json().get("parameters").get("day").asText()).isEqualTo("2026-01-01");

        TestClient.Response keyed = client.send(client.request("/flow_runs")
                .header("Idempotency-Key", "nightly-2026-01-01")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(TestClient.write(create(Ids.newId(), 0)))));
        TestClient.Response keyedAgain = client.send(client.request("/flow_runs")
                .header("Idempotency-Key", "nightly-2026-01-01")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(TestClient.write(create(Ids.newId(), 0)))));
        assertThat(keyedAgain.status()).isEqualTo(200);
        assertThat(keyedAgain.json().get("id")).isEqualTo(keyed.json().get("id"));
    }

    @Test
    void proposedStatesAreDecidedByTheRules() {
        UUID id = Ids.newId();
        client.post("/flow_runs", create(id, 1));

        assertThat(propose(id, State.running(Instant.now())).get("status").asText()).isEqualTo("ACCEPT");
        assertThat(propose(id, State.pending(Instant.now())).get("status").asText()).isEqualTo("ABORT");
        JsonNode retry = propose(id, State.failed(Instant.now(), "boom"));
        assertThat(retry.get("status").asText()).isEqualTo("REJECT");
        assertThat(retry.get("state").get("name").asText()).isEqualTo("AwaitingRetry");

        JsonNode run = client.get("/flow_runs/" + id).json();
        assertThat(run.get("state").get("name").asText()).isEqualTo("AwaitingRetry");
        assertThat(run.get("runCount").asInt()).isEqualTo(1);
        assertThat(client.get("/flow_runs/" + id + "/states").json()).extracting(s -> s.get("name").asText())
                .containsExactly("Pending", "Running", "AwaitingRetry");
        JsonNode events = client.post("/events/filter", Map.of("resourceId", "weir.flow-run." + id)).json();
        assertThat(events).extracting(e -> e.get("event").asText())
                .containsExactly("weir.flow-run.Pending", "weir.flow-run.Running", "weir.flow-run.AwaitingRetry");
    }

    @Test
    void flowRunsAreFilteredCountedSortedAndPaged() {
        for (int i = 0; i < 5; i++) {
            UUID id = Ids.newId();
            client.post("/flow_runs", create(id, 0));
            if (i % 2 == 0) {
                propose(id, State.running(Instant.now()));
            }
        }
        FlowRunQuery running = new FlowRunQuery(List.of(StateType.RUNNING), List.of("etl"), null, null, null, "CREATED_ASC", 2, 0);
        assertThat(client.post("/flow_runs/filter", running).json()).hasSize(2);
        assertThat(client.post("/flow_runs/count", running).json().get("count").asInt()).isEqualTo(3);
        assertThat(client.post("/flow_runs/count", "").json().get("count").asInt()).isEqualTo(5);

        TestClient.Response badSort = client.post("/flow_runs/filter", Map.of("sort", "sideways"));
        assertThat(badSort.status()).isEqualTo(400);
        assertThat(badSort.json().get("field").asText()).isEqualTo("sort");
        assertThat(badSort.json().get("detail").asText()).contains("sideways").contains("CREATED_DESC");
        TestClient.Response badLimit = client.post("/flow_runs/filter", Map.of("limit", 5000));
        assertThat(badLimit.json().get("field").asText()).isEqualTo("limit");
        TestClient.Response badState = client.post("/flow_runs/filter", Map.of("states", List.of("SLEEPING")));
        assertThat(badState.status()).isEqualTo(400);
        assertThat(badState.json().get("field").asText()).isEqualTo("states[0]");
    }

    @Test
    void taskRunsAndLogsAreRecordedInBatchesAndRead() {
        UUID flowRun = Ids.newId();
        client.post("/flow_runs", create(flowRun, 0));
        UUID taskId = Ids.newId();
        Instant now = Instant.now();
        TaskRun pending = new TaskRun(taskId, "fetch-0", "Etl#fetch", flowRun, 0, List.of(), Map.of(), State.pending(now), 0,
                now, null, null, Duration.ZERO);
        TaskRun done = pending.with(State.completed(now.plusMillis(5)), 1, now, now.plusMillis(5), Duration.ofMillis(5));
        assertThat(client.post("/task_runs/batch", List.of(pending, done)).status()).isEqualTo(204);

        assertThat(client.get("/flow_runs/" + flowRun + "/task_runs").json()).singleElement()
                .satisfies(t -> assertThat(t.get("state").get("type").asText()).isEqualTo("COMPLETED"));
        assertThat(client.get("/task_runs/" + taskId + "/states").json()).hasSize(2);

        List<RunLog> logs = List.of(
                new RunLog(flowRun, taskId, "INFO", "weir.task_runs", "fetched 10 rows", now),
                new RunLog(flowRun, null, "ERROR", "weir.flow_runs", "<script>alert(1)</script>", now.plusMillis(1)));
        assertThat(client.post("/logs", logs).status()).isEqualTo(204);
        JsonNode errors = client.post("/logs/filter", Map.of("flowRunId", flowRun, "minLevel", "WARN")).json();
        assertThat(errors).singleElement().satisfies(l -> assertThat(l.get("message").asText()).isEqualTo("<script>alert(1)</script>"));
        TestClient.Response badLevel = client.post("/logs", List.of(Map.of("level", "LOUD", "message", "x", "timestamp", now)));
        assertThat(badLevel.status()).isEqualTo(400);
        assertThat(badLevel.json().get("field").asText()).isEqualTo("[0].level");
    }

    @Test
    void theLogStreamSendsStoredAndNewLines() throws Exception {
        UUID flowRun = Ids.newId();
        client.post("/flow_runs", create(flowRun, 0));
        client.post("/logs", List.of(new RunLog(flowRun, null, "INFO", "x", "first", Instant.now())));

        HttpResponse<java.io.InputStream> stream = client.http().send(
                client.request("/logs/stream?flowRunId=" + flowRun).header("Accept", "text/event-stream").GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(stream.statusCode()).isEqualTo(200);
        BufferedReader reader = new BufferedReader(new InputStreamReader(stream.body()));
        CompletableFuture<String> second = CompletableFuture.supplyAsync(() -> {
            try {
                String line;
                StringBuilder seen = new StringBuilder();
                while ((line = reader.readLine()) != null) {
                    seen.append(line).append('\n');
                    if (line.contains("second")) {
                        return seen.toString();
                    }
                }
                return seen.toString();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        client.post("/logs", List.of(new RunLog(flowRun, null, "INFO", "x", "second", Instant.now())));

        String seen = second.get(10, TimeUnit.SECONDS);
        assertThat(seen).contains("\"message\":\"first\"").contains("\"message\":\"second\"").contains("event: log");
        stream.body().close();
    }

    @Test
    void aStreamRequestedWithoutTheEventStreamAcceptHeaderIsRefusedClearly() {
        TestClient.Response response = client.send(client.request("/logs/stream?flowRunId=" + Ids.newId())
                .header("Accept", "application/json").GET());
        assertThat(response.status()).isEqualTo(406);
        assertThat(response.json().get("detail").asText()).contains("Accept: text/event-stream");
    }

    @Test
    void deletingARunRemovesItAndAnUnknownRunIsNotFound() {
        UUID id = Ids.newId();
        client.post("/flow_runs", create(id, 0));

        assertThat(client.delete("/flow_runs/" + id).status()).isEqualTo(204);
        TestClient.Response missing = client.get("/flow_runs/" + id);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().get("detail").asText()).contains(id.toString());
        assertThat(client.delete("/flow_runs/" + id).status()).isEqualTo(404);
        assertThat(client.get("/flow_runs/not-a-uuid").json().get("field").asText()).isEqualTo("id");
    }
}
