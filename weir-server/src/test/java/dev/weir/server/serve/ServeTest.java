package dev.weir.server.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weir.Weir;
import dev.weir.WeirRuntime;
import dev.weir.core.Json;
import dev.weir.core.WeirException;
import dev.weir.run.FlowRun;
import dev.weir.serve.Deployment;
import dev.weir.serve.Serving;
import dev.weir.server.ServerConfig;
import dev.weir.server.WeirServer;
import dev.weir.server.store.Database;
import dev.weir.server.store.DeploymentRecord;
import dev.weir.server.store.FlowRunFilter;
import dev.weir.server.store.FlowRunRecord;
import dev.weir.server.store.FlowRunSort;
import dev.weir.server.store.LogFilter;
import dev.weir.server.store.Page;
import dev.weir.state.StateType;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code Weir.serve}: deployments served by the process itself against a real server on port 0, over HTTP. */
class ServeTest {

    @TempDir
    Path home;

    private Database database;
    private WeirServer server;
    private WeirRuntime runtime;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() {
        database = Database.open("jdbc:sqlite:" + home.resolve("weir.db"));
        server = WeirServer.start(ServerConfig.defaults().withPort(0), database);
        runtime = Weir.configure(c -> c.apiUrl(server.apiUrl()));
    }

    @AfterEach
    void stop() {
        runtime.close();
        server.close();
        database.close();
    }

    private JsonNode post(String path, Object body) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(server.apiUrl() + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.mapper().writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 299);
        return Json.mapper().readTree(response.body());
    }

    private UUID runOf(UUID deployment, Map<String, Object> parameters) throws Exception {
        return UUID.fromString(post("/deployments/" + deployment + "/create_flow_run", Map.of("parameters", parameters))
                .get("id").asText());
    }

    private FlowRun finished(UUID id) {
        await().atMost(Duration.ofSeconds(30)).until(() -> database.flowRuns().read(id).orElseThrow().run().state().type().isFinal());
        return database.flowRuns().read(id).orElseThrow().run();
    }

    @Test
    void anAdHocRunOfAServedDeploymentCompletesWithItsParametersConvertedAndItsLogsRecorded() throws Exception {
        try (Serving serving = Serving.start(runtime, 10, Deployment.of(ServedFlows::fares).name("monthly")
                .tags("taxi").description("fares per zone").version("v7"))) {
            UUID deployment = serving.deploymentIds().getFirst();
            DeploymentRecord registered = database.deployments().read(deployment).orElseThrow();
            assertThat(registered.flowName()).isEqualTo("taxi-fares");
            assertThat(registered.name()).isEqualTo("monthly");
            assertThat(registered.workPoolName()).as("served: on no work pool").isNull();
            assertThat(registered.entrypoint()).isEqualTo(ServedFlows.class.getName() + "#fares");
            assertThat(registered.parameterSchema()).containsKey("properties");
            assertThat(registered.tags()).containsExactly("taxi");

            UUID id = runOf(deployment, Map.of("month", 3, "trip", Map.of("zone", "JFK", "miles", 2.5)));

            FlowRun run = finished(id);
            assertThat(run.state().type()).as(run.state().message()).isEqualTo(StateType.COMPLETED);
            assertThat(run.tags()).contains("taxi");
            assertThat(database.flowRuns().states(id)).extracting(s -> s.state().type())
                    .containsExactly(StateType.SCHEDULED, StateType.PENDING, StateType.RUNNING, StateType.COMPLETED);
            assertThat(database.taskRuns().listByFlowRun(id)).singleElement()
                    .satisfies(t -> assertThat(t.state().type()).isEqualTo(StateType.COMPLETED));
            assertThat(database.logs().list(LogFilter.ofFlowRun(id), Page.DEFAULT))
                    .anySatisfy(l -> assertThat(l.log().message()).isEqualTo("fare for JFK in month 3: 8.0"));
        }
    }

    @Test
    void aParameterThatIsNotTheFlowsTypeIsRefusedByTheSchemaBeforeAnyRun() throws Exception {
        try (Serving serving = Serving.start(runtime, 10, Deployment.of(ServedFlows.class, "fares"))) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(server.apiUrl() + "/deployments/"
                    + serving.deploymentIds().getFirst() + "/create_flow_run")).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"parameters\": {\"month\": \"march\", \"trip\": {}}}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(422);
            assertThat(response.body()).contains("parameters.month");
        }
    }

    @Test
    void aFailingFlowEndsFailedWithItsError() throws Exception {
        try (Serving serving = Serving.start(runtime, 10, Deployment.of(ServedFlows::broken))) {
            FlowRun run = finished(runOf(serving.deploymentIds().getFirst(), Map.of()));
            assertThat(run.state().type()).isEqualTo(StateType.FAILED);
            assertThat(run.state().message()).contains("the taxi zone file is missing");
        }
    }

    @Test
    void anIntervalScheduleMakesRunsThatTheServingProcessRuns() {
        try (Serving serving = Serving.start(runtime, 10, Deployment.of(ServedFlows::count).name("every-second")
                .interval(Duration.ofSeconds(1)))) {
            UUID deployment = serving.deploymentIds().getFirst();
            await().atMost(Duration.ofSeconds(30)).until(() -> database.flowRuns()
                    .list(FlowRunFilter.all().withDeployment(deployment).withStateTypes(Set.of(StateType.COMPLETED)),
                            FlowRunSort.CREATED_ASC, Page.DEFAULT)
                    .stream().anyMatch(FlowRunRecord::autoScheduled));
        }
    }

    @Test
    void stoppingLeavesTheDeploymentAndItsSchedulesActiveWithRunsWaiting() {
        UUID deployment;
        try (Serving serving = Serving.start(runtime, 10, Deployment.of(ServedFlows::count).name("hourly")
                .cron("0 * * * *", "Europe/Berlin"))) {
            deployment = serving.deploymentIds().getFirst();
        }
        assertThat(database.deployments().read(deployment).orElseThrow().paused()).isFalse();
        assertThat(database.deploymentSchedules().list(deployment)).singleElement()
                .satisfies(s -> assertThat(s.active()).isTrue());
        await().atMost(Duration.ofSeconds(30)).until(() -> database.flowRuns().count(FlowRunFilter.all()
                .withDeployment(deployment).withStateTypes(Set.of(StateType.SCHEDULED))) > 0);
    }

    @Test
    void twoServingHandlesRunEachOfFortyRunsExactlyOnce() throws Exception {
        Deployment shared = Deployment.of(ServedFlows::count).name("twice-served");
        try (Serving first = Serving.start(runtime, 4, shared); Serving second = Serving.start(runtime, 4, shared)) {
            assertThat(first.deploymentIds()).isEqualTo(second.deploymentIds());
            List<UUID> runs = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                runs.add(runOf(first.deploymentIds().getFirst(), Map.of()));
            }
            assertThat(runs).allSatisfy(id -> assertThat(finished(id).state().type()).isEqualTo(StateType.COMPLETED));
            assertThat(runs).allSatisfy(id -> assertThat(ServedFlows.EXECUTIONS.get(id)).hasValue(1));
        }
    }

    @Test
    void aServingJvmAndThisOneNeverRunOneRunTwice() throws Exception {
        ProcessBuilder builder = new ProcessBuilder(ProcessHandle.current().info().command().orElseThrow(),
                "-cp", System.getProperty("java.class.path"), ServedFlows.class.getName())
                .redirectErrorStream(true)
                .redirectOutput(home.resolve("child.log").toFile());
        builder.environment().put("WEIR_API_URL", server.apiUrl().toString());
        builder.environment().put("WEIR_HOME", home.toString());
        Process child = builder.start();
        await().atMost(Duration.ofSeconds(60)).until(() -> database.deployments().readByName("count", "shared").isPresent());
        try (Serving here = Serving.start(runtime, 4, Deployment.of(ServedFlows::count).name("shared"))) {
            UUID deployment = here.deploymentIds().getFirst();
            List<UUID> runs = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                runs.add(runOf(deployment, Map.of()));
            }
            assertThat(runs).allSatisfy(id -> {
                assertThat(finished(id).state().type()).isEqualTo(StateType.COMPLETED);
                assertThat(database.flowRuns().states(id)).extracting(s -> s.state().type())
                        .containsExactly(StateType.SCHEDULED, StateType.PENDING, StateType.RUNNING, StateType.COMPLETED);
            });
            long ranHere = runs.stream().filter(ServedFlows.EXECUTIONS::containsKey).count();
            AtomicInteger logged = new AtomicInteger();
            runs.forEach(id -> logged.addAndGet((int) database.logs().list(LogFilter.ofFlowRun(id), Page.DEFAULT).stream()
                    .filter(l -> l.log().message().startsWith("counted in process")).count()));
            assertThat(logged).as("one execution per run, %d of them here", ranHere).hasValue(40);
        } finally {
            child.destroy();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void servingWithoutAServerNamesWeirApiUrl() {
        try (WeirRuntime local = Weir.configure(c -> {})) {
            assertThatThrownBy(() -> Serving.start(local, 10, Deployment.of(ServedFlows::count)))
                    .isInstanceOf(WeirException.class).hasMessageContaining("WEIR_API_URL");
        }
        assertThatThrownBy(() -> Deployment.of(ServedFlows.class, "count").cron("0 2 * * *", "Mars/Olympus"))
                .isInstanceOf(WeirException.class).hasMessageContaining("Mars/Olympus");
        assertThatThrownBy(() -> Serving.start(runtime, 10, Deployment.of(ServedFlows.class, "nope")))
                .isInstanceOf(WeirException.class).hasMessageContaining("no @Flow method or flow named 'nope'");
    }
}
