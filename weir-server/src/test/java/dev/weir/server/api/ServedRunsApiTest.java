package dev.weir.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** {@code POST /api/deployments/get_scheduled_flow_runs}: the claim of a process serving its own deployments. */
class ServedRunsApiTest extends LocalServerTest {

    private static final String CLAIM = "/deployments/get_scheduled_flow_runs";

    private String deployment(String flow, String pool) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("name", "nightly", "flowName", flow,
                "entrypoint", "com.acme.Etl#run"));
        if (pool != null) {
            body.put("workPoolName", pool);
        }
        TestClient.Response response = client.post("/deployments", body);
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
    void claimsDueRunsOfTheServedDeploymentsOnceAndLeavesOthersAlone() {
        String served = deployment("etl", null);
        String other = deployment("report", null);
        String pooled = deployment("backup", "local");
        String due = runOf(served, Instant.now().minusSeconds(5));
        runOf(served, Instant.now().plusSeconds(3600));
        String othersRun = runOf(other, Instant.now().minusSeconds(5));
        String pooledRun = runOf(pooled, Instant.now().minusSeconds(5));

        JsonNode claimed = client.post(CLAIM, Map.of("deploymentIds", List.of(served, pooled))).json();

        assertThat(claimed).hasSize(1);
        assertThat(claimed.get(0).get("id").asText()).isEqualTo(due);
        assertThat(claimed.get(0).get("state").get("type").asText()).isEqualTo("PENDING");
        assertThat(client.post(CLAIM, Map.of("deploymentIds", List.of(served))).json()).isEmpty();
        assertThat(List.of(othersRun, pooledRun)).allSatisfy(id ->
                assertThat(client.get("/flow_runs/" + id).json().get("state").get("type").asText()).isEqualTo("SCHEDULED"));
    }

    @Test
    void aHeldClaimAnswersWithinASecondOfARunBecomingDue() throws Exception {
        String served = deployment("etl", null);
        Instant dueAt = Instant.now().plusMillis(1500);
        String run = runOf(served, dueAt);

        TestClient.Response response = CompletableFuture.supplyAsync(
                () -> client.post(CLAIM, Map.of("deploymentIds", List.of(served), "waitSeconds", 10))).get();

        assertThat(response.json()).extracting(r -> r.get("id").asText()).isEqualTo(List.of(run));
        assertThat(Duration.between(dueAt, Instant.now())).isBetween(Duration.ZERO, Duration.ofSeconds(1));
    }

    @Test
    void aHeldClaimWithNothingDueAnswersEmptyAfterItsWait() {
        String served = deployment("etl", null);
        Instant asked = Instant.now();
        assertThat(client.post(CLAIM, Map.of("deploymentIds", List.of(served), "waitSeconds", 1)).json()).isEmpty();
        assertThat(Duration.between(asked, Instant.now())).isGreaterThanOrEqualTo(Duration.ofMillis(900));
    }

    @Test
    void badClaimsAreRefusedNamingTheField() {
        String served = deployment("etl", null);
        assertThat(client.post(CLAIM, Map.of()).json().get("field").asText()).isEqualTo("deploymentIds");
        assertThat(client.post(CLAIM, Map.of("deploymentIds", List.of())).json().get("field").asText()).isEqualTo("deploymentIds");
        TestClient.Response notUuid = client.post(CLAIM, Map.of("deploymentIds", List.of("nightly")));
        assertThat(notUuid.status()).isEqualTo(400);
        assertThat(notUuid.json().get("field").asText()).startsWith("deploymentIds");
        TestClient.Response limit = client.post(CLAIM, Map.of("deploymentIds", List.of(served), "limit", 0));
        assertThat(limit.status()).isEqualTo(400);
        assertThat(limit.json().get("field").asText()).isEqualTo("limit");
        TestClient.Response wait = client.post(CLAIM, Map.of("deploymentIds", List.of(served), "waitSeconds", 31));
        assertThat(wait.json().get("field").asText()).isEqualTo("waitSeconds");
        assertThat(client.get("/openapi.json").json().get("paths").has("/api/deployments/get_scheduled_flow_runs")).isTrue();
    }
}
