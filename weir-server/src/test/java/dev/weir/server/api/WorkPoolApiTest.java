package dev.weir.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class WorkPoolApiTest extends LocalServerTest {

    private String deploymentOn(String pool) {
        TestClient.Response response = client.post("/deployments", Map.of("name", "nightly", "flowName", "etl",
                "entrypoint", "com.acme.Etl#run", "workPoolName", pool));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().get("id").asText();
    }

    private String runOf(String deployment, Instant due) {
        TestClient.Response response = client.post("/deployments/" + deployment + "/create_flow_run",
                Map.of("scheduledTime", due.toString()));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().get("id").asText();
    }

    @Test
    void poolsAreCreatedWithADefaultQueueUpdatedListedPausedAndDeleted() {
        TestClient.Response created = client.post("/work_pools", Map.of("name", "local", "description", "JVMs",
                "baseJobTemplate", Map.of("variables", Map.of("properties", Map.of("classpath", Map.of("type", "string"))))));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("type").asText()).isEqualTo("process");
        assertThat(created.json().get("status").asText()).isEqualTo("NOT_READY");
        assertThat(client.post("/work_pools", Map.of("name", "local", "concurrencyLimit", 2)).status()).isEqualTo(200);
        assertThat(client.get("/work_pools/local").json().get("concurrencyLimit").asInt()).isEqualTo(2);
        assertThat(client.get("/work_pools").json()).hasSize(1);
        JsonNode queues = client.get("/work_pools/local/queues").json();
        assertThat(queues).hasSize(1);
        assertThat(queues.get(0).get("name").asText()).isEqualTo("default");
        assertThat(queues.get(0).get("status").asText()).isEqualTo("NOT_READY");

        assertThat(client.post("/work_pools/local/pause", "").json().get("paused").asBoolean()).isTrue();
        assertThat(client.post("/work_pools/local/resume", "").json().get("paused").asBoolean()).isFalse();
        assertThat(client.delete("/work_pools/local").status()).isEqualTo(204);
        assertThat(client.get("/work_pools/local").status()).isEqualTo(404);
    }

    @Test
    void badPoolsAndQueuesAreRefusedNamingTheField() {
        TestClient.Response noName = client.post("/work_pools", Map.of("type", "process"));
        assertThat(noName.status()).isEqualTo(400);
        assertThat(noName.json().get("field").asText()).isEqualTo("name");
        TestClient.Response docker = client.post("/work_pools", Map.of("name", "d", "type", "docker"));
        assertThat(docker.json().get("field").asText()).isEqualTo("type");
        client.post("/work_pools", Map.of("name", "local"));
        TestClient.Response taken = client.post("/work_pools/local/queues", Map.of("name", "urgent", "priority", 1));
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.json().get("detail").asText()).contains("'default'");
        TestClient.Response zero = client.post("/work_pools/local/queues", Map.of("name", "urgent", "priority", 0));
        assertThat(zero.json().get("field").asText()).isEqualTo("priority");
        assertThat(client.post("/work_pools/local/queues", Map.of("name", "urgent", "priority", 2)).status()).isEqualTo(200);
        assertThat(client.post("/work_pools/nowhere/queues", Map.of("name", "q")).status()).isEqualTo(404);
        TestClient.Response wait = client.post("/work_pools/local/get_scheduled_flow_runs", Map.of("waitSeconds", 31));
        assertThat(wait.json().get("field").asText()).isEqualTo("waitSeconds");
    }

    @Test
    void aWorkerClaimsDueRunsOnceAndHeartbeats() {
        client.post("/work_pools", Map.of("name", "local"));
        String deployment = deploymentOn("local");
        String due = runOf(deployment, Instant.now().minusSeconds(5));
        runOf(deployment, Instant.now().plusSeconds(3600));

        JsonNode claimed = client.post("/work_pools/local/get_scheduled_flow_runs", Map.of()).json();
        assertThat(claimed).hasSize(1);
        assertThat(claimed.get(0).get("id").asText()).isEqualTo(due);
        assertThat(claimed.get(0).get("state").get("type").asText()).isEqualTo("PENDING");
        assertThat(client.post("/work_pools/local/get_scheduled_flow_runs", Map.of()).json()).isEmpty();
        assertThat(client.get("/work_pools/local/queues").json().get(0).get("status").asText()).isEqualTo("READY");

        assertThat(client.post("/work_pools/local/flow_runs/" + due + "/infrastructure",
                Map.of("infrastructurePid", "host:42")).status()).isEqualTo(204);
        assertThat(client.post("/work_pools/local/workers/heartbeat", Map.of("name", "w1")).json().get("status").asText())
                .isEqualTo("ONLINE");
        assertThat(client.get("/work_pools/local").json().get("status").asText()).isEqualTo("READY");
        assertThat(client.get("/work_pools/local/workers").json()).singleElement()
                .satisfies(w -> assertThat(w.get("name").asText()).isEqualTo("w1"));
    }

    @Test
    void aHeldClaimAnswersWithinASecondOfARunBecomingDue() throws Exception {
        client.post("/work_pools", Map.of("name", "local"));
        String deployment = deploymentOn("local");
        Instant dueAt = Instant.now().plusSeconds(2);
        String run = runOf(deployment, dueAt);

        CompletableFuture<TestClient.Response> held = CompletableFuture.supplyAsync(
                () -> client.post("/work_pools/local/get_scheduled_flow_runs", Map.of("waitSeconds", 10)));
        TestClient.Response response = held.get();
        Instant answered = Instant.now();

        assertThat(response.json()).extracting(r -> r.get("id").asText()).isEqualTo(List.of(run));
        assertThat(Duration.between(dueAt, answered)).isLessThan(Duration.ofSeconds(1));
    }
}
