package dev.weir.cli.worker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weir.api.ScheduledRunsRequest;
import dev.weir.cli.config.Settings;
import dev.weir.cli.http.ApiClient;
import dev.weir.cli.http.ApiConnection;
import dev.weir.server.ServerConfig;
import dev.weir.server.WeirServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A claimed run cancelled before its child runs: the worker's launch of one run against a real server,
 * with the child launcher replaced so the test decides what happens while the child starts.
 */
class WorkerLoopCancelTest {

    @TempDir
    Path home;

    private WeirServer server;
    private ApiConnection connection;
    private ApiClient api;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final List<UUID> launched = new ArrayList<>();
    private final List<Process> started = new ArrayList<>();

    @BeforeEach
    void start() {
        server = WeirServer.start(ServerConfig.defaults().withPort(0).withDatabaseUrl("jdbc:sqlite:" + home.resolve("weir.db")));
        connection = ApiConnection.open(Settings.load(Map.of("WEIR_API_URL", server.apiUrl().toString()), home.toString()));
        api = connection.client();
        api.post("/work_pools", Map.of("name", "local"));
    }

    @AfterEach
    void stop() {
        started.forEach(Process::destroyForcibly);
        connection.close();
        server.close();
    }

    private WorkerLoop loop(ChildLauncher launcher) {
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        WorkerOptions options = new WorkerOptions("local", List.of(), 1, "w1", Duration.ofSeconds(1), Duration.ofSeconds(30),
                Duration.ofSeconds(2), home.resolve("workers"), Duration.ZERO);
        return new WorkerLoop(api, options, Map.of(), print, print, launcher);
    }

    /** A run of a deployment on the pool, claimed (PENDING) as the worker's poll claims it. */
    private JsonNode claimedRun() {
        JsonNode deployment = api.post("/deployments", Map.of("name", "on-local", "flowName", "etl",
                "entrypoint", "com.acme.Etl#run", "workPoolName", "local", "jobVariables", Map.of("classpath", "unused")));
        String id = api.post("/deployments/" + deployment.get("id").asText() + "/create_flow_run", Map.of()).get("id").asText();
        JsonNode claimed = api.post("/work_pools/local/get_scheduled_flow_runs", new ScheduledRunsRequest(List.of(), null, 1, 0));
        assertThat(claimed).singleElement().satisfies(run -> assertThat(run.get("id").asText()).isEqualTo(id));
        return claimed.get(0);
    }

    private void propose(JsonNode run, String type, String name) {
        JsonNode answer = api.post("/flow_runs/" + run.get("id").asText() + "/set_state", Map.of("state",
                Map.of("type", type, "name", name, "timestamp", Instant.now().toString())));
        assertThat(answer.path("status").asText()).as(answer.toString()).isEqualTo("ACCEPT");
    }

    private List<String> states(JsonNode run) {
        List<String> names = new ArrayList<>();
        api.get("/flow_runs/" + run.get("id").asText() + "/states").forEach(s -> names.add(s.get("name").asText()));
        return names;
    }

    private ChildProcess refuse(UUID id, String entrypoint, String classpath, Map<String, String> env) {
        launched.add(id);
        throw new AssertionError("the child of a cancelled run must not start");
    }

    @Test
    void aRunCancellingBeforeItsChildStartsIsNotStartedAndEndsCancelled() {
        JsonNode run = claimedRun();
        JsonNode cancel = api.post("/flow_runs/" + run.get("id").asText() + "/cancel", Map.of());
        assertThat(cancel.path("state").path("type").asText()).as("a claimed run may have a process").isEqualTo("CANCELLING");

        loop(this::refuse).launch(run);

        assertThat(launched).isEmpty();
        assertThat(states(run)).endsWith("Cancelling", "Cancelled").doesNotContain("Crashed", "Submitting");
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("was cancelled before its process started");
    }

    @Test
    void aRunCancelledBeforeItsChildStartsIsNotStartedAndLeftAsItIs() {
        JsonNode run = claimedRun();
        propose(run, "CANCELLED", "Cancelled");

        loop(this::refuse).launch(run);

        assertThat(launched).isEmpty();
        assertThat(states(run)).endsWith("Pending", "Cancelled").doesNotContain("Crashed");
    }

    @Test
    void aChildThatStartsWhileItsRunIsCancelledIsStoppedAtOnce() throws Exception {
        JsonNode run = claimedRun();
        ChildLauncher cancelledMeanwhile = (id, entrypoint, classpath, env) -> {
            // The run is cancelled while the child starts, before its infrastructure is recorded: CANCELLED at once.
            propose(run, "CANCELLED", "Cancelled");
            Process sleep = new ProcessBuilder("sleep", "300").start();
            started.add(sleep);
            return new ChildProcess(sleep);
        };

        loop(cancelledMeanwhile).launch(run);

        assertThat(started).singleElement().satisfies(p -> assertThat(p.isAlive()).isFalse());
        assertThat(states(run)).endsWith("Submitting", "Cancelled").doesNotContain("Crashed", "InfrastructurePending");
    }
}
