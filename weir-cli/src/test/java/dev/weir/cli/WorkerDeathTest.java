package dev.weir.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weir.Flow;
import dev.weir.Weir;
import dev.weir.cli.config.Settings;
import dev.weir.cli.http.ApiClient;
import dev.weir.cli.http.ApiConnection;
import dev.weir.server.ServerConfig;
import dev.weir.server.WeirServer;
import dev.weir.state.StateType;
import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} of a worker process with a run in flight: the run is Crashed (by its child when the
 * child outlives the worker, by the server's sweeper after three missed beats when both die), goes back
 * to its queue within the flow's retries, and another worker completes it. Nothing stays Running.
 */
class WorkerDeathTest {

    /** Runs long on its first attempt, briefly on the next. */
    public static class Flows {
        @Flow(name = "long-first")
        String longFirst() throws InterruptedException {
            int attempt = Weir.context().flowRun().orElseThrow().attempt();
            System.out.println("attempt " + attempt + " in pid " + ProcessHandle.current().pid());
            if (attempt == 1) {
                Thread.sleep(120_000);
            }
            return "done on attempt " + attempt;
        }
    }

    @TempDir
    Path home;

    private WeirServer server;
    private ApiConnection connection;
    private ApiClient api;
    private final List<Process> workers = new ArrayList<>();

    @BeforeEach
    void start() {
        server = WeirServer.start(ServerConfig.defaults().withPort(0).withRunHeartbeat(Duration.ofSeconds(1))
                .withDatabaseUrl("jdbc:sqlite:" + home.resolve("weir.db")));
        connection = ApiConnection.open(Settings.load(Map.of("WEIR_API_URL", server.apiUrl().toString()), home.toString()));
        api = connection.client();
        api.post("/work_pools", Map.of("name", "local", "baseJobTemplate", Map.of("variables", Map.of("properties",
                Map.of("classpath", Map.of("type", "string", "default", System.getProperty("java.class.path")))))));
    }

    @AfterEach
    void stop() {
        for (Process worker : workers) {
            worker.descendants().forEach(ProcessHandle::destroyForcibly);
            worker.destroyForcibly();
        }
        connection.close();
        server.close();
    }

    /** {@code weir worker start} in a JVM of its own, its children beating every second. */
    private Process worker(String name) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "worker", "start", "--pool", "local", "--name", name)
                .redirectOutput(home.resolve(name + ".out").toFile())
                .redirectError(home.resolve(name + ".err").toFile());
        builder.environment().put("WEIR_API_URL", server.apiUrl().toString());
        builder.environment().put("WEIR_HOME", home.resolve(name).toString());
        builder.environment().put("WEIR_RUN_HEARTBEAT_SECONDS", "1");
        Process process = builder.start();
        workers.add(process);
        return process;
    }

    private String deploymentRun() {
        Map<String, Object> deployment = new java.util.LinkedHashMap<>();
        deployment.put("name", "on-local");
        deployment.put("flowName", "long-first");
        deployment.put("entrypoint", Flows.class.getName() + "#longFirst");
        deployment.put("workPoolName", "local");
        deployment.put("retries", 1);
        JsonNode created = api.post("/deployments", deployment);
        return api.post("/deployments/" + created.get("id").asText() + "/create_flow_run", Map.of()).get("id").asText();
    }

    private StateType type(String run) {
        return StateType.valueOf(api.get("/flow_runs/" + run).get("state").get("type").asText());
    }

    /**
     * The worker's child running {@code run}: its first child, started before the standby JVM the worker
     * readies for its next run.
     */
    private ProcessHandle childOf(Process worker, String run) {
        await().atMost(Duration.ofSeconds(30)).until(() -> worker.children().findAny().isPresent());
        return worker.children()
                .min(java.util.Comparator.<ProcessHandle, java.time.Instant>comparing(
                        c -> c.info().startInstant().orElse(java.time.Instant.MAX)).thenComparingLong(ProcessHandle::pid))
                .orElseThrow();
    }

    private List<String> names(String run) {
        List<String> names = new ArrayList<>();
        api.get("/flow_runs/" + run + "/states").forEach(s -> names.add(s.get("name").asText()));
        return names;
    }

    private String logs(Path file) {
        try {
            return java.nio.file.Files.readString(file);
        } catch (java.io.IOException e) {
            return "";
        }
    }

    @Test
    void aKilledWorkersRunIsCrashedByItsChildRetriedAndCompletedByAnotherWorker() throws Exception {
        Process first = worker("w1");
        String run = deploymentRun();
        await().atMost(Duration.ofSeconds(60)).until(() -> type(run) == StateType.RUNNING);
        ProcessHandle child = childOf(first, run);

        first.destroyForcibly().waitFor();

        await().atMost(Duration.ofSeconds(10)).until(() -> !child.isAlive());
        await().atMost(Duration.ofSeconds(10)).until(() -> names(run).contains("AwaitingRetry"));
        assertThat(api.get("/flow_runs/" + run + "/states").toString()).contains("worker that started");

        worker("w2");
        await().atMost(Duration.ofSeconds(60)).until(() -> type(run).isFinal());
        assertThat(type(run)).as(() -> api.get("/flow_runs/" + run + "/states") + logs(home.resolve("w2.out"))
                + logs(home.resolve("w2.err"))).isEqualTo(StateType.COMPLETED);
        assertThat(names(run)).containsSubsequence("Running", "AwaitingRetry", "Running", "Completed");
        assertThat(api.get("/flow_runs/" + run).get("runCount").asInt()).as("the crash counted as an attempt").isEqualTo(2);
    }

    @Test
    void whenWorkerAndChildDieTogetherTheServerCrashesTheRunAfterThreeMissedBeats() throws Exception {
        Process first = worker("w1");
        String run = deploymentRun();
        await().atMost(Duration.ofSeconds(60)).until(() -> type(run) == StateType.RUNNING);
        ProcessHandle child = childOf(first, run);

        // The machine dies: the child freezes (no beat, no reaction to its worker's end), the worker is killed.
        new ProcessBuilder("kill", "-STOP", String.valueOf(child.pid())).start().waitFor();
        first.destroyForcibly();
        first.waitFor();
        long killed = System.nanoTime();

        // 3 missed beats of 1 s, then the sweeper's next round (every 5 s).
        await().atMost(Duration.ofSeconds(15)).until(() -> names(run).contains("AwaitingRetry"));
        Duration detected = Duration.ofNanos(System.nanoTime() - killed);
        assertThat(api.get("/flow_runs/" + run + "/states").toString()).contains("No heartbeat");
        assertThat(detected).isLessThan(Duration.ofSeconds(15));
        child.destroyForcibly();

        worker("w2");
        await().atMost(Duration.ofSeconds(60)).until(() -> type(run).isFinal());
        assertThat(type(run)).as(() -> api.get("/flow_runs/" + run + "/states") + logs(home.resolve("w2.out"))
                + logs(home.resolve("w2.err"))).isEqualTo(StateType.COMPLETED);
    }
}
