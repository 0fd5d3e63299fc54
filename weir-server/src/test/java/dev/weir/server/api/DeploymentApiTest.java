package dev.weir.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weir.server.ServerConfig;
import dev.weir.server.WeirServer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeploymentApiTest {

    /** Shaped as ParameterSchema emits it for {@code etl(int month, String city)} with {@code @Min(1) @Max(12)}. */
    private static final Map<String, Object> SCHEMA = Map.of(
            "type", "object", "title", "Parameters",
            "properties", Map.of(
                    "month", Map.of("type", "integer", "title", "month", "position", 0, "minimum", 1, "maximum", 12),
                    "city", Map.of("type", "string", "title", "city", "position", 1, "minLength", 1),
                    "trip", Map.of("$ref", "#/$defs/Trip", "title", "trip", "position", 2)),
            "required", List.of("month", "city"),
            "$defs", Map.of("Trip", Map.of("type", "object", "properties",
                    Map.of("day", Map.of("type", "string", "format", "date")), "required", List.of("day"))));

    @TempDir
    Path home;

    private WeirServer server;
    private TestClient client;

    @BeforeEach
    void start() {
        server = WeirServer.start(ServerConfig.defaults().withPort(0)
                .withDatabaseUrl("jdbc:sqlite:" + home.resolve("weir.db")));
        client = new TestClient(server.apiUrl());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static Map<String, Object> deployment(String name, Object... more) {
        Map<String, Object> body = new java.util.LinkedHashMap<>(Map.of("name", name, "flowName", "taxi",
                "entrypoint", "com.acme.TaxiEtl#etl", "parameters", Map.of("month", 1, "city", "NYC"),
                "parameterSchema", SCHEMA, "tags", List.of("prod"), "workPoolName", "local"));
        for (int i = 0; i < more.length; i += 2) {
            body.put((String) more[i], more[i + 1]);
        }
        return body;
    }

    private String create(Map<String, Object> body) {
        TestClient.Response response = client.post("/deployments", body);
        assertThat(response.status()).as(response.body()).isIn(200, 201);
        return response.json().get("id").asText();
    }

    @Test
    void upsertsReadsFiltersCountsPausesAndDeletesDeployments() {
        TestClient.Response created = client.post("/deployments", deployment("monthly", "schedules",
                List.of(Map.of("schedule", Map.of("type", "cron", "cron", "0 9 * * *", "timezone", "Europe/Paris"), "slug", "nine"))));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asText();
        assertThat(created.json().get("flowName").asText()).isEqualTo("taxi");
        assertThat(created.json().get("enforceParameterSchema").asBoolean()).isTrue();
        assertThat(created.json().get("schedules").get(0).get("schedule").get("type").asText()).isEqualTo("cron");
        assertThat(created.json().get("schedules").get(0).get("active").asBoolean()).isTrue();

        TestClient.Response again = client.post("/deployments", deployment("monthly", "description", "updated"));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("id").asText()).isEqualTo(id);
        assertThat(again.json().get("schedules")).as("absent schedules stay").hasSize(1);
        create(deployment("weekly", "tags", List.of("dev")));

        assertThat(client.get("/deployments/" + id).json().get("description").asText()).isEqualTo("updated");
        JsonNode prod = client.post("/deployments/filter", Map.of("tags", List.of("prod"))).json();
        assertThat(prod).hasSize(1);
        assertThat(prod.get(0).get("name").asText()).isEqualTo("monthly");
        assertThat(client.post("/deployments/count", "").json().get("count").asInt()).isEqualTo(2);

        assertThat(client.post("/deployments/" + id + "/pause", "").json().get("paused").asBoolean()).isTrue();
        assertThat(client.post("/deployments/count", Map.of("paused", true)).json().get("count").asInt()).isEqualTo(1);
        assertThat(client.post("/deployments/" + id + "/resume", "").json().get("paused").asBoolean()).isFalse();

        assertThat(client.delete("/deployments/" + id).status()).isEqualTo(204);
        assertThat(client.get("/deployments/" + id).status()).isEqualTo(404);
        assertThat(client.delete("/deployments/" + id).status()).isEqualTo(404);
    }

    @Test
    void badDeploymentsAreRefusedNamingTheField() {
        TestClient.Response noEntrypoint = client.post("/deployments", Map.of("name", "x", "flowName", "taxi"));
        assertThat(noEntrypoint.status()).isEqualTo(400);
        assertThat(noEntrypoint.json().get("field").asText()).isEqualTo("entrypoint");
        TestClient.Response badSchedule = client.post("/deployments", deployment("x", "schedules",
                List.of(Map.of("schedule", Map.of("type", "cron", "cron", "61 * * * *", "timezone", "UTC")))));
        assertThat(badSchedule.status()).isEqualTo(400);
        assertThat(badSchedule.json().get("detail").asText()).contains("61");
    }

    @Test
    void puttingSchedulesReplacesThem() {
        String id = create(deployment("monthly", "schedules",
                List.of(Map.of("schedule", Map.of("type", "cron", "cron", "0 9 * * *", "timezone", "UTC")))));
        String body = TestClient.write(List.of(
                Map.of("schedule", Map.of("type", "interval", "interval", 3600, "anchorDate", "2026-01-01T00:00:00Z",
                        "timezone", "UTC"), "active", false, "parameters", Map.of("month", 3)),
                Map.of("schedule", Map.of("type", "cron", "cron", "0 18 * * *", "timezone", "UTC"), "slug", "evening")));

        TestClient.Response put = client.send("PUT", "/deployments/" + id + "/schedules", body);

        assertThat(put.status()).as(put.body()).isEqualTo(200);
        JsonNode schedules = client.get("/deployments/" + id + "/schedules").json();
        assertThat(schedules).hasSize(2);
        assertThat(schedules.get(0).get("schedule").get("type").asText()).isEqualTo("interval");
        assertThat(schedules.get(0).get("active").asBoolean()).isFalse();
        assertThat(schedules.get(0).get("parameters").get("month").asInt()).isEqualTo(3);
        assertThat(schedules.get(1).get("slug").asText()).isEqualTo("evening");
        assertThat(client.send("PUT", "/deployments/" + id + "/schedules", "[{}]").json().get("field").asText())
                .isEqualTo("[0].schedule");
    }

    @Test
    void createFlowRunMergesTheDefaultsAndMakesAScheduledRunOfTheDeployment() {
        String id = create(deployment("monthly"));

        TestClient.Response run = client.post("/deployments/" + id + "/create_flow_run",
                Map.of("parameters", Map.of("month", 7, "trip", Map.of("day", "2026-07-01")), "tags", List.of("adhoc"),
                        "scheduledTime", "2030-01-01T00:00:00Z", "name", "july"));

        assertThat(run.status()).as(run.body()).isEqualTo(201);
        JsonNode json = run.json();
        assertThat(json.get("deploymentId").asText()).isEqualTo(id);
        assertThat(json.get("name").asText()).isEqualTo("july");
        assertThat(json.get("flowName").asText()).isEqualTo("taxi");
        assertThat(json.get("state").get("type").asText()).isEqualTo("SCHEDULED");
        assertThat(json.get("expectedStartTime").asText()).isEqualTo("2030-01-01T00:00:00Z");
        assertThat(json.get("parameters").get("month").asInt()).isEqualTo(7);
        assertThat(json.get("parameters").get("city").asText()).isEqualTo("NYC");
        assertThat(json.get("tags")).extracting(JsonNode::asText).containsExactly("prod", "adhoc");

        TestClient.Response now = client.post("/deployments/" + id + "/create_flow_run", "");
        assertThat(now.status()).isEqualTo(201);
        assertThat(now.json().get("parameters").get("month").asInt()).isEqualTo(1);
    }

    @Test
    void createFlowRunWithAnInvalidParameterAnswers422NamingTheParameterTheValueAndTheRule() {
        String id = create(deployment("monthly"));

        TestClient.Response month = client.post("/deployments/" + id + "/create_flow_run", Map.of("parameters", Map.of("month", 13)));
        assertThat(month.status()).isEqualTo(422);
        assertThat(month.json().get("field").asText()).isEqualTo("parameters.month");
        assertThat(month.json().get("detail").asText()).contains("month").contains("13").contains("maximum 12");

        TestClient.Response type = client.post("/deployments/" + id + "/create_flow_run", Map.of("parameters", Map.of("month", "May")));
        assertThat(type.status()).isEqualTo(422);
        assertThat(type.json().get("detail").asText()).contains("type integer");

        TestClient.Response nested = client.post("/deployments/" + id + "/create_flow_run",
                Map.of("parameters", Map.of("trip", Map.of("day", "July 1st"))));
        assertThat(nested.status()).isEqualTo(422);
        assertThat(nested.json().get("field").asText()).isEqualTo("parameters.trip.day");
        assertThat(nested.json().get("detail").asText()).contains("format date");

        assertThat(client.post("/flow_runs/count", "").json().get("count").asInt()).isZero();
    }

    @Test
    void anUnenforcedSchemaLetsAnyParametersThrough() {
        String id = create(deployment("loose", "enforceParameterSchema", false));
        TestClient.Response run = client.post("/deployments/" + id + "/create_flow_run", Map.of("parameters", Map.of("month", 13)));
        assertThat(run.status()).isEqualTo(201);
    }

    @Test
    void createFlowRunIsIdempotentByKey() {
        String id = create(deployment("monthly"));
        Map<String, Object> body = Map.of("idempotencyKey", "once");
        TestClient.Response first = client.post("/deployments/" + id + "/create_flow_run", body);
        TestClient.Response second = client.post("/deployments/" + id + "/create_flow_run", body);
        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.json().get("id").asText()).isEqualTo(first.json().get("id").asText());
    }
}
