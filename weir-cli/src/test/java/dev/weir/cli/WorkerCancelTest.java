package dev.weir.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weir.Flow;
import dev.weir.cli.config.Settings;
import dev.weir.cli.http.ApiClient;
import dev.weir.cli.http.ApiConnection;
import dev.weir.server.ServerConfig;
import dev.weir.server.WeirServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cancelling a run a real worker runs in a real child JVM that started processes of its own: the
 * whole process tree goes, and the run ends Cancelled, not Crashed (REFERENCE R6).
 */
class WorkerCancelTest {

    /** Flows that start a subprocess, write their pid and its pid to a file, and wait. */
    public static class Flows {
        @Flow(name = "spawner")
        void spawner(String pidFile) throws Exception {
            Process sleep = new ProcessBuilder("sleep", "300").start();
            Files.writeString(Path.of(pidFile), ProcessHandle.current().pid() + " " + sleep.pid());
            Thread.sleep(300_000); // the work: a run that would outlive the test unless cancelled
        }

        @Flow(name = "stubborn")
        void stubborn(String pidFile) throws Exception {
            // A shell that ignores SIGTERM, as does its sleep (an ignored signal stays ignored across exec).
            Process shell = new ProcessBuilder("sh", "-c", "trap '' TERM; sleep 300; echo done").start();
            Files.writeString(Path.of(pidFile), ProcessHandle.current().pid() + " " + shell.pid());
            Thread.sleep(300_000);
        }
    }

    @TempDir
    Path home;

    private WeirServer server;
    private ApiConnection connection;
    private ApiClient api;
    private Cli.Running worker;
    private Cli cli;
    /** What the flows started, killed after each test so that a failed test leaves nothing behind. */
    private final List<ProcessHandle> started = new ArrayList<>();

    @BeforeEach
    void start() {
        server = WeirServer.start(ServerConfig.defaults().withPort(0).withDatabaseUrl("jdbc:sqlite:" + home.resolve("weir.db")));
        connection = ApiConnection.open(Settings.load(Map.of("WEIR_API_URL", server.apiUrl().toString()), home.toString()));
        api = connection.client();
        api.post("/work_pools", Map.of("name", "local"));
        cli = new Cli(Map.of("WEIR_API_URL", server.apiUrl().toString(), "WEIR_HOME", home.toString()));
        worker = cli.start("worker", "start", "--pool", "local", "--name", "w1", "--cancel-grace", "2");
    }

    @AfterEach
    void stop() throws Exception {
        started.forEach(ProcessHandle::destroyForcibly);
        worker.thread().interrupt();
        worker.thread().join(20_000);
        connection.close();
        server.close();
    }

    private String runOf(String flow, Path pidFile) {
        JsonNode deployment = api.post("/deployments", Map.of("name", "on-local", "flowName", flow,
                "entrypoint", Flows.class.getName() + "#" + flow, "workPoolName", "local",
                "parameters", Map.of("pidFile", pidFile.toString()),
                "jobVariables", Map.of("classpath", System.getProperty("java.class.path"))));
        return api.post("/deployments/" + deployment.get("id").asText() + "/create_flow_run", Map.of()).get("id").asText();
    }

    /** The pids the flow wrote: its JVM's and its subprocess's, once the run is RUNNING. */
    private long[] awaitPids(String run, Path pidFile) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> state(run).equals("RUNNING") && pids(pidFile).length == 2);
        return pids(pidFile);
    }

    private static long[] pids(Path file) {
        try {
            String text = Files.readString(file).strip();
            return text.isEmpty() ? new long[0] : java.util.Arrays.stream(text.split(" ")).mapToLong(Long::parseLong).toArray();
        } catch (NoSuchFileException e) {
            return new long[0];
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The child JVM, its subprocess and everything below them, as they are now. */
    private List<ProcessHandle> tree(long[] pids) {
        List<ProcessHandle> out = new ArrayList<>();
        ProcessHandle jvm = ProcessHandle.of(pids[0]).orElseThrow();
        out.add(jvm);
        out.addAll(jvm.descendants().toList());
        started.addAll(out);
        assertThat(out).extracting(ProcessHandle::pid).contains(pids[1]);
        return out;
    }

    private void cancel(String run) {
        JsonNode answer = api.post("/flow_runs/" + run + "/cancel", Map.of());
        assertThat(answer.path("status").asText()).as(answer.toString()).isEqualTo("ACCEPT");
        assertThat(answer.path("state").path("type").asText()).isEqualTo("CANCELLING");
    }

    private String state(String run) {
        return api.get("/flow_runs/" + run).path("state").path("type").asText();
    }

    private static boolean running(ProcessHandle p) {
        // A zombie has ended; it lingers only where init does not reap re-parented processes.
        if (!p.isAlive()) {
            return false;
        }
        try {
            String stat = Files.readString(Path.of("/proc/" + p.pid() + "/stat"));
            return stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
        } catch (IOException e) {
            return false;
        }
    }

    @Test
    void cancellingARunStopsItsChildJvmAndTheProcessesItStartedAndEndsItCancelled() {
        Path pidFile = home.resolve("spawner.pids");
        String run = runOf("spawner", pidFile);
        List<ProcessHandle> tree = tree(awaitPids(run, pidFile));
        Instant cancelled = Instant.now();

        Cli.Result cancel = cli.run("flow-run", "cancel", run);

        assertThat(cancel.exitCode()).as(cancel.err()).isZero();
        assertThat(cancel.out()).endsWith(") is Cancelling; its worker is stopping its processes.\n");

        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100))
                .until(() -> tree.stream().noneMatch(WorkerCancelTest::running) && state(run).equals("CANCELLED"));
        assertThat(Duration.between(cancelled, Instant.now())).as("SIGTERM is enough: no grace period waited out")
                .isLessThan(Duration.ofSeconds(8));
        JsonNode states = api.get("/flow_runs/" + run + "/states");
        assertThat(states).extracting(s -> s.get("name").asText()).endsWith("Running", "Cancelling", "Cancelled")
                .doesNotContain("Crashed");
        assertThat(worker.stdout()).contains("is cancelling: stopping", "is Cancelled.");
    }

    @Test
    void processesThatIgnoreSigtermAreKilledWhenTheGracePeriodEnds() {
        Path pidFile = home.resolve("stubborn.pids");
        String run = runOf("stubborn", pidFile);
        long[] pids = awaitPids(run, pidFile);
        List<ProcessHandle> tree = tree(pids);
        ProcessHandle shell = ProcessHandle.of(pids[1]).orElseThrow();

        cancel(run);

        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100))
                .until(() -> tree.stream().noneMatch(WorkerCancelTest::running) && state(run).equals("CANCELLED"));
        assertThat(worker.stdout()).as("the shell ignores SIGTERM: it is killed when the grace period ends")
                .containsPattern("killed \\[[0-9, ]*\\b" + shell.pid() + "\\b[0-9, ]*], still running after the grace period");
        assertThat(api.get("/flow_runs/" + run + "/states")).extracting(s -> s.get("name").asText())
                .doesNotContain("Crashed");
    }

    @Test
    void aWorkerStartingLaterStopsTheChildrenAStoppedWorkerLeftForRunsThatEndedOrAreCancelling() throws Exception {
        Path pidFile = home.resolve("orphan.pids");
        String run = runOf("spawner", pidFile);
        List<ProcessHandle> tree = tree(awaitPids(run, pidFile));
        assertThat(home.resolve("workers/local/w1/" + run + ".json")).exists();
        worker.thread().interrupt();
        worker.thread().join(20_000);
        cancel(run);
        assertThat(tree).allMatch(WorkerCancelTest::running);

        worker = cli.start("worker", "start", "--pool", "local", "--name", "w2", "--cancel-grace", "2");

        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100))
                .until(() -> tree.stream().noneMatch(WorkerCancelTest::running) && state(run).equals("CANCELLED"));
        assertThat(worker.stdout()).contains("Stopping process " + tree.get(0).pid() + " left behind by an earlier worker:"
                + " its flow run " + run + " is CANCELLING.");
        await().atMost(Duration.ofSeconds(5)).until(() -> !Files.exists(home.resolve("workers/local/w1/" + run + ".json")));
    }
}
