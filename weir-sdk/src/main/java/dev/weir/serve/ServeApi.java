package dev.weir.serve;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weir.api.DeploymentCreate;
import dev.weir.api.DeploymentRunsClaim;
import dev.weir.core.Json;
import dev.weir.core.WeirException;
import dev.weir.run.FlowRun;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The two calls serving makes on the Weir API: upsert a deployment, and claim due runs of the served
 * deployments (a long poll). Failures throw {@link WeirException} naming the request and the
 * server's explanation; the serving loop retries claims itself. Thread-safe.
 */
final class ServeApi implements AutoCloseable {

    /** A run the server moved to PENDING for this process, as the server answered it. */
    record ClaimedRun(FlowRun run, UUID deploymentId) {
        UUID id() {
            return run.id();
        }
    }

    private final URI base;
    private final Optional<String> apiKey;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    ServeApi(URI base, Optional<String> apiKey) {
        this.base = URI.create(base.toString().replaceAll("/+$", ""));
        this.apiKey = apiKey;
    }

    URI base() {
        return base;
    }

    /** Creates the deployment or updates the one of its flow and name; returns its id. */
    UUID register(DeploymentCreate deployment) {
        JsonNode answer = post("/deployments", deployment, Duration.ofSeconds(60));
        return UUID.fromString(answer.get("id").asText());
    }

    /** Claims up to {@code limit} due runs of {@code deploymentIds}, waiting up to {@code waitSeconds} for one. */
    List<ClaimedRun> claim(Collection<UUID> deploymentIds, int limit, int waitSeconds) {
        JsonNode answer = post("/deployments/get_scheduled_flow_runs",
                new DeploymentRunsClaim(List.copyOf(deploymentIds), limit, waitSeconds),
                Duration.ofSeconds(waitSeconds + 30L));
        List<ClaimedRun> runs = new ArrayList<>();
        for (JsonNode run : answer) {
            try {
                runs.add(new ClaimedRun(Json.mapper().treeToValue(run, FlowRun.class),
                        UUID.fromString(run.get("deploymentId").asText())));
            } catch (IOException | RuntimeException e) {
                throw new WeirException("The Weir API answered a claim with a run Weir cannot read (" + e.getMessage()
                        + "): " + run, e);
            }
        }
        return runs;
    }

    private JsonNode post(String path, Object body, Duration timeout) {
        String described = "POST " + base + path;
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(timeout)
                .header("Accept", "application/json")
                .header("Content-Type", "application/json")
                .header("User-Agent", "weir-sdk");
        apiKey.ifPresent(key -> request.header("Authorization", "Bearer " + key));
        HttpResponse<byte[]> response;
        try {
            request.POST(HttpRequest.BodyPublishers.ofByteArray(Json.mapper().writeValueAsBytes(body)));
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new WeirException("Could not reach the Weir API for " + described + ": " + e
                    + "; check that the server is running at " + base, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WeirException("Interrupted while waiting for " + described, e);
        }
        try {
            JsonNode answer = Json.mapper().readTree(response.body());
            if (response.statusCode() / 100 != 2) {
                String detail = answer != null && answer.hasNonNull("detail") ? answer.get("detail").asText()
                        : new String(response.body(), StandardCharsets.UTF_8);
                throw new WeirException(described + " was refused with HTTP " + response.statusCode() + ": " + detail);
            }
            return answer;
        } catch (IOException e) {
            throw new WeirException(described + " answered HTTP " + response.statusCode() + " with a body that is not JSON: "
                    + new String(response.body(), StandardCharsets.UTF_8), e);
        }
    }

    @Override
    public void close() {
        http.close();
    }
}
