package dev.weir.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weir.Flow;
import dev.weir.Task;
import dev.weir.cli.config.Settings;
import dev.weir.cli.http.ApiClient;
import dev.weir.cli.http.ApiConnection;
import dev.weir.server.ServerConfig;
import dev.weir.server.WeirServer;
import dev.weir.state.StateType;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real server, a deployment on a pool, and {@code weir worker start} running its runs in child JVMs. */
class WorkerEndToEndTest {

    /** The flows the child JVMs run, found on the test class path. */
    public static class Flows {
        @Task
        int square(int x) {
            return x * x;
        }

        @Flow(name = "squares")
        int squares(int n) {
            System.out.println("squaring " + n);
            return square(n) + square(n + 1);
        }

        @Flow(name = "sleeper")
        void sleeper() throws InterruptedException {
            Thread.sleep(2000); // the work: a run that takes a while, so that runs would overlap
        }

        @Flow(name = "killed")
        void killed() throws Exception {
            new ProcessBuilder("kill", "-9", String.valueOf(ProcessHandle.current().pid())).start().waitFor();
        }

        @Flow(name = "quitter")
        void quitter() {
            System.out.println("about to exit");
            System.exit(3);
        }
    }

    @TempDir
    Path home;

    private WeirServer server;
    private ApiConnection connection;
    private ApiClient api;
    private Cli.Running worker;

    @BeforeEach
    void start() {
        server = WeirServer.start(ServerConfig.defaults().withPort(0).withDatabaseUrl("jdbc:sqlite:" + home.resolve("weir.db")));
        connection = ApiConnection.open(Settings.load(Map.of("WEIR_API_URL", server.apiUrl().toString()), home.toString()));
        api = connection.client();
        // The pool's default classpath serves deployments without one of their own.
        api.post("/work_pools", Map.of("name", "local", "baseJobTemplate", Map.of("variables", Map.of("properties",
                Map.of("classpath", Map.of("type", "string", "default", System.getProperty("java.class.path")))))));
        worker = new Cli(Map.of("WEIR_API_URL", server.apiUrl().toString(), "WEIR_HOME", home.toString()))
                .start("worker", "start", "--pool", "local", "--limit", "2", "--name", "w1");
    }

    @AfterEach
    void stop() throws Exception {
        worker.thread().interrupt();
        worker.thread().join(20_000);
        connection.close();
        server.close();
    }

    private String runOf(String flow, String method, Map<String, Object> parameters) {
        Map<String, Object> jobVariables = flow.equals("killed") ? Map.of()
                : Map.of("classpath", System.getProperty("java.class.path"));
        JsonNode deployment = api.post("/deployments", Map.of("name", "on-local", "flowName", flow,
                "entrypoint", Flows.class.getName() + "#" + method, "workPoolName", "local", "parameters", parameters,
                "jobVariables", jobVariables));
        return api.post("/deployments/" + deployment.get("id").asText() + "/create_flow_run", Map.of()).get("id").asText();
    }

    private JsonNode awaitFinal(String run) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() ->
                StateType.valueOf(api.get("/flow_runs/" + run).get("state").get("type").asText()).isFinal());
        return api.get("/flow_runs/" + run);
    }

    @Test
    void aClaimedRunExecutesInAChildJvmAndCompletesWithItsTaskRunsAndLogs() {
        String run = runOf("squares", "squares", Map.of("n", 3));

        JsonNode finished = awaitFinal(run);

        assertThat(finished.get("state").get("type").asText()).as(worker.stdout() + worker.stderr()).isEqualTo("COMPLETED");
        assertThat(api.get("/flow_runs/" + run + "/states")).extracting(s -> s.get("name").asText())
                .containsSubsequence("Scheduled", "Pending", "Submitting", "InfrastructurePending", "Running", "Completed");
        JsonNode taskRuns = api.get("/flow_runs/" + run + "/task_runs");
        assertThat(taskRuns).hasSize(2).allSatisfy(t -> assertThat(t.get("state").get("type").asText()).isEqualTo("COMPLETED"));
        await().atMost(Duration.ofSeconds(10)).until(() -> logs(run).contains("squaring 3"));
        assertThat(api.get("/work_pools/local/workers").get(0).get("name").asText()).isEqualTo("w1");
    }

    @Test
    void aChildThatExitsWithCodeThreeCrashesTheRunAtOnceNamingTheCode() {
        String run = runOf("quitter", "quitter", Map.of());

        JsonNode finished = awaitFinal(run);

        assertThat(finished.get("state").get("type").asText()).as(worker.stdout() + worker.stderr()).isEqualTo("CRASHED");
        assertThat(finished.get("state").get("message").asText()).as(() -> logs(run)).contains("exit code 3");
        await().atMost(Duration.ofSeconds(10)).until(() -> logs(run).contains("about to exit"));
    }

    @Test
    void aChildKilledBySignalNineCrashesTheRunNamingTheSignal() {
        String run = runOf("killed", "killed", Map.of());

        JsonNode finished = awaitFinal(run);

        assertThat(finished.get("state").get("type").asText()).as(worker.stdout() + worker.stderr()).isEqualTo("CRASHED");
        assertThat(finished.get("state").get("message").asText()).contains("exit code 137 (signal 9)");
    }

    @Test
    void aRunDueSoonIsClaimedAheadAndStartsRunningAtItsTimeNotBefore() {
        JsonNode deployment = api.post("/deployments", Map.of("name", "soon", "flowName", "squares",
                "entrypoint", Flows.class.getName() + "#squares", "workPoolName", "local", "parameters", Map.of("n", 2),
                "jobVariables", Map.of("classpath", System.getProperty("java.class.path"))));
        Instant due = Instant.now().plusSeconds(6);
        String run = api.post("/deployments/" + deployment.get("id").asText() + "/create_flow_run",
                Map.of("scheduledTime", due.toString())).get("id").asText();

        JsonNode finished = awaitFinal(run);

        assertThat(finished.get("state").get("type").asText()).isEqualTo("COMPLETED");
        Instant claimed = null;
        Instant running = null;
        for (JsonNode state : api.get("/flow_runs/" + run + "/states")) {
            Instant at = Instant.parse(state.get("timestamp").asText());
            if (state.get("name").asText().equals("Pending") && claimed == null) {
                claimed = at;
            }
            if (state.get("type").asText().equals("RUNNING")) {
                running = at;
            }
        }
        assertThat(claimed).as("claimed within the 10 s prefetch, before it was due").isBefore(due);
        assertThat(running).as("the flow waited for its time").isAfterOrEqualTo(due.minusMillis(1));
    }

    @Test
    void neverRunsMoreChildrenAtOnceThanTheLimit() {
        List<String> runs = List.of(runOf("sleeper", "sleeper", Map.of()), runOf("sleeper", "sleeper", Map.of()),
                runOf("sleeper", "sleeper", Map.of()));

        List<JsonNode> finished = runs.stream().map(this::awaitFinal).toList();

        assertThat(finished).allSatisfy(r -> assertThat(r.get("state").get("type").asText()).isEqualTo("COMPLETED"));
        List<Instant[]> spans = finished.stream().map(r -> new Instant[] {
                Instant.parse(r.get("startTime").asText()), Instant.parse(r.get("endTime").asText())}).toList();
        for (Instant[] span : spans) {
            long overlapping = spans.stream().filter(o -> !o[0].isAfter(span[0]) && o[1].isAfter(span[0])).count();
            assertThat(overlapping).as("runs running when one started (--limit 2)").isLessThanOrEqualTo(2);
        }
    }

    private String logs(String run) {
        return api.post("/logs/filter", Map.of("flowRunId", run)).toString();
    }

}
