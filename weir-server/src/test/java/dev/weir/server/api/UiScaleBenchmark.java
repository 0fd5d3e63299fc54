package dev.weir.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weir.core.Ids;
import dev.weir.core.Json;
import dev.weir.orchestrator.FlowRunCreate;
import dev.weir.run.TaskInput;
import dev.weir.run.TaskRun;
import dev.weir.server.ServerConfig;
import dev.weir.server.WeirServer;
import dev.weir.server.store.Database;
import dev.weir.server.store.NewFlowRun;
import dev.weir.state.State;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * The UI at scale: 100,000 flow runs and 1,000,000 task runs (1,000 runs of 1,000 task runs each) in
 * SQLite, seeded straight through the stores in batches of 1,000, then {@code weir-ui/e2e/scale.mjs}
 * measures in headless chromium how long {@code /runs} and {@code /runs/<id>} (a run of 1,000 task
 * runs) take to become usable. Not part of the default build (seeding takes a minute or two); run it
 * from the repository root with
 *
 * <pre>mvn -q -B -pl weir-server -am verify -Dtest=UiScaleBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dweir.uiScale=true</pre>
 *
 * Sizes can be lowered with {@code -Dweir.uiScale.flowRuns=} and {@code -Dweir.uiScale.taskRunsPerRun=}.
 */
@EnabledIfSystemProperty(named = "weir.uiScale", matches = "true")
class UiScaleBenchmark {

    private static final Path UI = Path.of(System.getProperty("user.dir")).resolveSibling("weir-ui");
    private static final Path SCREENSHOTS = Path.of("target", "ui-screenshots", "scale").toAbsolutePath();
    private static final int BATCH = 1000;

    @TempDir
    Path home;

    @Test
    void theRunsPagesAreUsableInUnderASecondWithAMillionTaskRuns() throws Exception {
        int flowRuns = Integer.getInteger("weir.uiScale.flowRuns", 100_000);
        int perRun = Integer.getInteger("weir.uiScale.taskRunsPerRun", 1000);
        int runsWithTasks = Integer.getInteger("weir.uiScale.runsWithTasks", 1000);
        Path chromium = Path.of(Optional.ofNullable(System.getenv("WEIR_CHROMIUM")).orElse("/usr/bin/chromium"));
        if (!Files.isExecutable(chromium)) {
            fail("No chromium at " + chromium);
        }
        try (Database database = Database.open("jdbc:sqlite:" + home.resolve("weir.db"))) {
            long started = System.nanoTime();
            Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
            List<UUID> withTasks = new ArrayList<>();
            for (int from = 0; from < flowRuns; from += BATCH) {
                int start = from;
                database.inTransaction(tx -> {
                    for (int i = start; i < Math.min(start + BATCH, flowRuns); i++) {
                        Instant at = t0.plusSeconds(i * 30L);
                        UUID id = Ids.newId();
                        State state = i % 17 == 0 ? State.failed(at, "bad row " + i) : State.completed(at);
                        tx.flowRuns().create(NewFlowRun.of(new FlowRunCreate(id, "run-" + i, "flow-" + (i % 25), "v1",
                                Map.of("i", i), List.of("scale"), null, null, state), at));
                        if (i >= flowRuns - runsWithTasks) {
                            withTasks.add(id);
                        }
                    }
                    return null;
                });
            }
            long flowsSeeded = System.nanoTime();
            for (int r = 0; r < withTasks.size(); r++) {
                UUID flowRunId = withTasks.get(r);
                Instant base = t0.plusSeconds((flowRuns - runsWithTasks + r) * 30L);
                List<TaskRun> batch = new ArrayList<>(BATCH);
                List<UUID> ids = new ArrayList<>(perRun);
                for (int k = 0; k < perRun; k++) {
                    UUID id = Ids.newId();
                    ids.add(id);
                    // A tree: task k takes the result of task (k - 1) / 4, so the graph has layers and edges.
                    Map<String, List<TaskInput>> inputs = k == 0 ? Map.of() : Map.of("rows", List.of(TaskInput.result(ids.get((k - 1) / 4))));
                    Instant s = base.plusMillis(k * 20L);
                    batch.add(new TaskRun(id, "step-" + k, "com.acme.Scale#step", flowRunId, k, List.of(), inputs,
                            k % 97 == 5 ? State.failed(s.plusMillis(15), "boom " + k) : State.completed(s.plusMillis(15)), 1,
                            s, s, s.plusMillis(15), Duration.ofMillis(15)));
                    if (batch.size() == BATCH) {
                        database.taskRuns().upsert(batch);
                        batch = new ArrayList<>(BATCH);
                    }
                }
                if (!batch.isEmpty()) {
                    database.taskRuns().upsert(batch);
                }
            }
            long tasksSeeded = System.nanoTime();
            System.out.printf("UI scale seed: %,d flow runs in %.1f s, %,d task runs in %.1f s%n", flowRuns,
                    (flowsSeeded - started) / 1e9, (long) withTasks.size() * perRun, (tasksSeeded - flowsSeeded) / 1e9);

            try (WeirServer server = WeirServer.start(ServerConfig.defaults().withPort(0), database)) {
                UUID measured = withTasks.get(withTasks.size() - 1);
                ProcessBuilder builder = new ProcessBuilder("node", UI.resolve("e2e/scale.mjs").toString(),
                        "http://127.0.0.1:" + server.port(), SCREENSHOTS.toString(), measured.toString(),
                        String.valueOf(perRun)).directory(UI.toFile()).redirectErrorStream(true);
                builder.environment().put("WEIR_CHROMIUM", chromium.toString());
                Process process = builder.start();
                ByteArrayOutputStream output = new ByteArrayOutputStream();
                Thread reader = Thread.ofVirtual().start(() -> {
                    try {
                        process.getInputStream().transferTo(output);
                    } catch (IOException e) {
                        // the process ended
                    }
                });
                if (!process.waitFor(300, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    fail("scale.mjs did not finish in 300 s:\n" + output.toString(StandardCharsets.UTF_8));
                }
                reader.join(5000);
                String log = output.toString(StandardCharsets.UTF_8);
                System.out.println(log);
                assertThat(process.exitValue()).as("weir-ui/e2e/scale.mjs failed:\n%s", log).isZero();
                JsonNode result = Json.mapper().readTree(log.substring(log.lastIndexOf("SCALE_RESULT ") + 13).lines().findFirst().orElseThrow());
                System.out.println("UI scale figures (ms, median of runs): " + result);
                assertThat(result.get("runsUsableMs").get("median").asLong()).as("/runs usable").isLessThan(1000);
                assertThat(result.get("runUsableMs").get("median").asLong()).as("/runs/<id> usable").isLessThan(1000);
            }
        }
    }
}
