package dev.weir.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weir.core.WeirException;
import dev.weir.server.ServerConfig;
import dev.weir.server.WeirServer;
import dev.weir.server.auth.ApiKeys;
import dev.weir.server.auth.CreatedApiKey;
import dev.weir.server.auth.Role;
import dev.weir.server.store.Database;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecurityTest {

    @TempDir
    Path home;

    private Database database;
    private WeirServer server;
    private TestClient anonymous;
    private CreatedApiKey admin;

    @BeforeEach
    void start() {
        database = Database.open("jdbc:sqlite:" + home.resolve("weir.db"));
        admin = new ApiKeys(database.apiKeys(), InstantSource.system()).create("ops", Role.ADMIN);
        server = WeirServer.start(ServerConfig.defaults().withPort(0).withAuth(true), database);
        anonymous = new TestClient(server.apiUrl());
    }

    @AfterEach
    void stop() {
        server.close();
        database.close();
    }

    /** Every documented operation, with its path parameters filled in. */
    private List<String[]> operations() {
        JsonNode paths = anonymous.withKey(admin.key()).get("/openapi.json").json().get("paths");
        List<String[]> operations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> path = it.next();
            for (Iterator<String> methods = path.getValue().fieldNames(); methods.hasNext(); ) {
                String concrete = path.getKey().replaceFirst("^/api", "").replaceAll("\\{[^}]+}", "01930000-0000-7000-8000-000000000000");
                operations.add(new String[] {methods.next().toUpperCase(), concrete});
            }
        }
        return operations;
    }

    @Test
    void withAuthOnEveryRouteButHealthAndReadyNeedsAKey() {
        List<String[]> operations = operations();
        assertThat(operations).hasSizeGreaterThan(20);
        for (String[] operation : operations) {
            TestClient.Response response = anonymous.send(anonymous.request(operation[1])
                    .header("Accept", "text/event-stream")
                    .method(operation[0], java.net.http.HttpRequest.BodyPublishers.ofString("{}")));
            boolean isPublic = operation[1].equals("/health") || operation[1].equals("/ready");
            assertThat(response.status()).as(operation[0] + " " + operation[1]).isEqualTo(isPublic ? 200 : 401);
        }
        assertThat(anonymous.get("/health/").status()).as("the exemption is by exact path").isNotEqualTo(200);
        assertThat(anonymous.withKey("weir_forged").get("/flows").status()).isEqualTo(401);
    }

    @Test
    void rolesLimitWhatAKeyMayDo() {
        TestClient asAdmin = anonymous.withKey(admin.key());
        String viewerKey = asAdmin.post("/api_keys", Map.of("name", "dash", "role", "viewer")).json().get("key").asText();
        String developerKey = asAdmin.post("/api_keys", Map.of("name", "ci", "role", "developer")).json().get("key").asText();
        TestClient viewer = anonymous.withKey(viewerKey);
        TestClient developer = anonymous.withKey(developerKey);

        assertThat(viewer.get("/flows").status()).isEqualTo(200);
        assertThat(viewer.post("/flow_runs/filter", "{}").status()).isEqualTo(200);
        assertThat(viewer.post("/logs", "[]").status()).isEqualTo(403);
        assertThat(developer.post("/logs", "[]").status()).isEqualTo(204);
        assertThat(developer.get("/api_keys").status()).isEqualTo(403);
        assertThat(asAdmin.get("/api_keys").json()).hasSize(3).allSatisfy(k -> assertThat(k.has("key")).isFalse());
        assertThat(asAdmin.post("/api_keys", Map.of("name", "x", "role", "root")).json().get("field").asText()).isEqualTo("role");
    }

    @Test
    void aRevokedKeyIsRefused() {
        TestClient asAdmin = anonymous.withKey(admin.key());
        JsonNode created = asAdmin.post("/api_keys", Map.of("name", "temp", "role", "developer")).json();
        TestClient temp = anonymous.withKey(created.get("key").asText());
        assertThat(temp.get("/flows").status()).isEqualTo(200);

        assertThat(asAdmin.delete("/api_keys/" + created.get("id").asText()).status()).isEqualTo(204);

        assertThat(temp.get("/flows").status()).isEqualTo(401);
    }

    @Test
    void keysAreStoredOnlyAsHashes() {
        assertThat(database.apiKeys().list()).allSatisfy(k -> assertThat(k.keyHash()).doesNotContain(admin.key()).hasSize(64));
    }

    @Test
    void aNonLoopbackHostWithoutAuthIsRefusedUnlessExplicitlyAllowed() {
        ServerConfig open = ServerConfig.defaults().withHost("0.0.0.0").withPort(0);
        assertThatThrownBy(() -> WeirServer.start(open, database))
                .isInstanceOf(WeirException.class)
                .hasMessageContaining("Refusing to listen on 0.0.0.0 without authentication");
        try (WeirServer allowed = WeirServer.start(open.withAllowUnauthenticatedRemote(true), database)) {
            assertThat(new TestClient(allowed.apiUrl()).get("/flows").status()).isEqualTo(200);
        }
    }
}
