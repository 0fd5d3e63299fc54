package dev.weir.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weir.server.ServerConfig;
import dev.weir.server.WeirServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BadInputTest {

    private static final List<String> GARBAGE = List.of(
            "", "{", "null", "[]", "{}", "[null]", "\"text\"", "42", "{\"state\": {\"type\": \"NAPPING\"}}",
            "{\"id\": \"not-a-uuid\"}", "[{\"id\": 5}]", "{\"limit\": -1}", "{\"states\": \"RUNNING\"}",
            "{\"startAfter\": \"yesterday\"}", "[{\"level\": \"INFO\"}]", "\u0000\u0001");

    @TempDir
    Path home;

    private WeirServer server;
    private TestClient client;

    @BeforeEach
    void start() {
        server = WeirServer.start(ServerConfig.defaults().withPort(0).withMaxBodyBytes(64 * 1024)
                .withDatabaseUrl("jdbc:sqlite:" + home.resolve("weir.db")));
        client = new TestClient(server.apiUrl());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private List<String> postPaths() {
        JsonNode paths = client.get("/openapi.json").json().get("paths");
        List<String> posts = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> path = it.next();
            if (path.getValue().has("post")) {
                posts.add(path.getKey().replaceFirst("^/api", "").replaceAll("\\{[^}]+}", "01930000-0000-7000-8000-000000000000"));
            }
        }
        return posts;
    }

    @Test
    void garbageBodiesGetAProblemDocumentNeverA500OrAStackTrace() {
        List<String> posts = postPaths();
        assertThat(posts).hasSizeGreaterThan(8);
        for (String path : posts) {
            for (String body : GARBAGE) {
                TestClient.Response response = client.post(path, body);
                assertThat(response.status()).as("POST " + path + " " + body + " -> " + response.body()).isBetween(200, 499);
                assertThat(response.body()).doesNotContain("\tat ").doesNotContain("Exception:");
                if (response.status() >= 400) {
                    assertThat(response.json().get("detail").asText()).isNotBlank();
                }
            }
        }
    }

    @Test
    void aBodyOverTheLimitGets413() {
        // Expect: 100-continue, as clients uploading large bodies send it: the server answers 413 before
        // the body is sent. (Without it, the server may close the connection while the client still
        // writes the body, and the client sees a reset instead of the answer.)
        TestClient.Response response = client.send(client.request("/logs").expectContinue(true)
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("[" + "\"x\",".repeat(40_000) + "\"x\"]")));
        assertThat(response.status()).isEqualTo(413);
        assertThat(response.json().get("status").asInt()).isEqualTo(413);
    }

    @Test
    void anUnknownRouteIsAProblemDocument() {
        TestClient.Response response = client.get("/nothing/here");
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().get("detail").asText()).contains("/api/nothing/here");
    }

    @Test
    void theOpenApiDocumentListsEveryRouteAndEveryListedRouteExists() {
        JsonNode paths = client.get("/openapi.json").json().get("paths");
        List<String> documented = new ArrayList<>();
        paths.fieldNames().forEachRemaining(documented::add);
        assertThat(documented).contains("/api/health", "/api/ready", "/api/version", "/api/flows", "/api/flow_runs",
                "/api/flow_runs/filter", "/api/flow_runs/count", "/api/flow_runs/{id}", "/api/flow_runs/{id}/set_state",
                "/api/flow_runs/{id}/states", "/api/task_runs/batch", "/api/logs", "/api/logs/filter", "/api/logs/stream",
                "/api/events/filter", "/api/events/stream", "/api/api_keys", "/api/openapi.json");
        for (String path : documented) {
            for (Iterator<String> methods = paths.get(path).fieldNames(); methods.hasNext(); ) {
                String method = methods.next().toUpperCase();
                String concrete = path.replaceFirst("^/api", "").replaceAll("\\{[^}]+}", "01930000-0000-7000-8000-000000000000");
                TestClient.Response response = client.send(client.request(concrete + (concrete.endsWith("/stream") ? "?flowRunId=x" : ""))
                        .method(method, java.net.http.HttpRequest.BodyPublishers.ofString("{}")));
                assertThat(response.body()).as(method + " " + path).doesNotContain("No route");
                assertThat(response.status()).as(method + " " + path).isNotEqualTo(405);
            }
        }
    }
}
