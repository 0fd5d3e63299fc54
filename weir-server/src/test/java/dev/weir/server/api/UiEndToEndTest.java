package dev.weir.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weir.Flow;
import dev.weir.FlowRunException;
import dev.weir.Task;
import dev.weir.TaskFuture;
import dev.weir.Weir;
import dev.weir.WeirRuntime;
import dev.weir.client.HttpOrchestrator;
import dev.weir.client.Orchestrators;
import dev.weir.core.Json;
import dev.weir.result.Persistence;
import dev.weir.result.ResultStorage;
import dev.weir.server.ServerConfig;
import dev.weir.server.WeirServer;
import dev.weir.server.auth.ApiKeys;
import dev.weir.server.auth.Role;
import dev.weir.server.store.Database;
import dev.weir.server.store.FlowRunFilter;
import dev.weir.server.store.FlowRunRecord;
import dev.weir.server.store.FlowRunSort;
import dev.weir.server.store.Page;
import dev.weir.state.StateType;
import jakarta.validation.constraints.Pattern;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The web UI in a real browser against a real server on port 0, seeded by running real flows through
 * the HTTP API. The browser side is {@code weir-ui/e2e/run.mjs} (playwright-core driving Debian's
 * chromium); this test records the runs, starts the script and fails with its output when a check
 * fails. It fails, rather than skips, when node, chromium or playwright-core is missing: a UI that
 * went untested must not look green. {@code .ci/run} installs chromium; weir-ui's build installs
 * playwright-core.
 */
class UiEndToEndTest {

    static final String HOSTILE = "<script>window.__weirPwned = true</script>"
            + "<img src=x onerror=\"window.__weirPwned = 1\"><b>not bold</b> & done";

    private static final Path UI = Path.of(System.getProperty("user.dir")).resolveSibling("weir-ui");
    private static final Path SCREENSHOTS = Path.of("target", "ui-screenshots").toAbsolutePath();

    @TempDir
    Path home;

    /**
     * How long the approval flow waits: longer than the browser checks may take (180 s), so that only
     * the browser's resume, or the test's cancel when the browser gave up, ends the pause.
     */
    static final Duration APPROVAL_TIMEOUT = Duration.ofSeconds(240);

    /**
     * The input the approval flow pauses for. The note must start with a lower-case letter, in Java's
     * own pattern syntax: the browser cannot check that, the server does (a 422 on runInput.note).
     */
    public record Approval(boolean approved, @Pattern(regexp = "^\\p{javaLowerCase}.*") String note) {}

    /** Flows with the shapes the UI draws: a fan-out and fan-in, a failure, hostile text, a subflow, a pause. */
    public static class Shop {

        @Task
        List<Integer> extract(int n) {
            Weir.logger().info("extracted {} rows", n);
            return new ArrayList<>(IntStream.rangeClosed(1, n).boxed().toList());
        }

        @Task
        List<Integer> clean(List<Integer> rows) {
            return new ArrayList<>(rows.stream().filter(r -> r % 2 == 1).toList());
        }

        @Task
        Map<String, Integer> enrich(List<Integer> rows) {
            return new LinkedHashMap<>(Map.of("rows", rows.size()));
        }

        @Task
        void audit() {
            Weir.logger().debug("audit trail written");
        }

        @Task
        String load(List<Integer> cleaned, Map<String, Integer> enriched) {
            Weir.logger().warn("loaded {} of {} rows", cleaned.size(), enriched.get("rows"));
            return "loaded " + cleaned.size();
        }

        @Flow(name = "orders")
        String orders(int n) {
            List<Integer> rows = extract(n);
            TaskFuture<List<Integer>> cleaned = Weir.submit(this::clean, rows);
            TaskFuture<Map<String, Integer>> enriched = Weir.submit(this::enrich, rows);
            TaskFuture<Void> audited = Weir.submit(this::audit);
            return Weir.waitFor(audited).submit(this::load, cleaned.result(), enriched.result()).result();
        }

        @Task
        int explode() {
            throw new IllegalArgumentException("bad row 17");
        }

        @Flow(name = "broken")
        int broken() {
            Weir.logger().info("about to explode");
            return explode();
        }

        @Flow(name = "hostile")
        void hostile() {
            Weir.logger().info("{}", HOSTILE);
        }

        @Flow(name = "nightly")
        String nightly() {
            return orders(3);
        }

        @Task
        String decide(boolean approved, int amount) {
            return (approved ? "approved " : "refused ") + amount;
        }

        /** Pauses for an {@link Approval}, then logs it; its result is persisted (the run page shows the key). */
        @Flow(name = "approval", persistResult = Persistence.ON)
        String approval(int amount) {
            Approval approval = Weir.pause(Approval.class, APPROVAL_TIMEOUT);
            Weir.logger().info("Resumed with approved={} and note '{}'", approval.approved(), approval.note());
            return decide(approval.approved(), amount);
        }
    }

    @Test
    void theUiShowsRecordedRunsTheirFailuresAndLogsInARealBrowser() throws Exception {
        String node = require("node", List.of("node", "--version"));
        Path chromium = Path.of(Optional.ofNullable(System.getenv("WEIR_CHROMIUM")).orElse("/usr/bin/chromium"));
        if (!Files.isExecutable(chromium)) {
            fail("No chromium at " + chromium + ": install it (apt-get install -y chromium; .ci/run does) or set WEIR_CHROMIUM");
        }
        if (!Files.isDirectory(UI.resolve("node_modules/playwright-core"))) {
            fail("playwright-core is not installed in " + UI + ": build weir-ui first (its Maven build runs npm ci)");
        }
        if (!Files.exists(UI.resolve("target/classes/weir-ui/index.html"))) {
            fail("The UI is not built in " + UI + "/target/classes/weir-ui: build weir-ui first");
        }
        try (Database database = Database.open("jdbc:sqlite:" + home.resolve("weir.db"));
                WeirServer server = WeirServer.start(ServerConfig.defaults().withPort(0), database);
                WeirServer guarded = WeirServer.start(ServerConfig.defaults().withPort(0).withAuth(true), database);
                WeirRuntime weir = Weir.configure(c -> c
                        .resultStorage(ResultStorage.localFileSystem(home.resolve("results")))
                        .orchestrator(Orchestrators.batching(HttpOrchestrator.create(server.apiUrl(), Optional.empty()))))) {
            Map<String, Object> seed = seed(server, weir);
            // The same runs behind a server with auth on: the UI must ask for a key and send it.
            seed.put("authBaseUrl", "http://127.0.0.1:" + guarded.port());
            seed.put("apiKey", new ApiKeys(database.apiKeys(), InstantSource.system()).create("ui", Role.VIEWER).key());
            // A run paused for an Approval, on its own thread while the browser resumes it.
            Shop shop = weir.flows(Shop.class);
            CompletableFuture<String> approved = new CompletableFuture<>();
            Thread approver = Thread.ofPlatform().daemon().name("ui-e2e-approval").start(() -> {
                try {
                    approved.complete(shop.approval(250));
                } catch (Throwable t) {
                    approved.completeExceptionally(t);
                }
            });
            String pausedRunId = awaitPaused(server, "approval", approver);
            seed.put("pausedRunId", pausedRunId);
            boolean ended;
            try {
                browse(server, chromium, node, seed);
            } finally {
                ended = endPause(server, pausedRunId, approver);
            }
            assertThat(ended).as("the approval flow's thread ended").isTrue();
            assertThat(approved.get(10, TimeUnit.SECONDS)).as("the approval flow's result").isEqualTo("approved 250");
        }
    }

    /** Starts run.mjs against the seeded server and checks what it answers. */
    private void browse(WeirServer server, Path chromium, String node, Map<String, Object> seed) throws Exception {
        Path seedFile = Files.writeString(home.resolve("seed.json"), Json.mapper().writeValueAsString(seed));
        ProcessBuilder builder = new ProcessBuilder(node, UI.resolve("e2e/run.mjs").toString(),
                "http://127.0.0.1:" + server.port(), SCREENSHOTS.toString(), seedFile.toString())
                .directory(UI.toFile())
                .redirectErrorStream(true);
        builder.environment().put("WEIR_CHROMIUM", chromium.toString());
        Process process = builder.start();
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        Thread reader = Thread.ofVirtual().start(() -> copy(process.getInputStream(), output));
        if (!process.waitFor(180, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("The browser checks did not finish in 180 s:\n" + output.toString(StandardCharsets.UTF_8));
        }
        reader.join(5000);
        String log = output.toString(StandardCharsets.UTF_8);
        System.out.println(log);
        assertThat(process.exitValue()).as("weir-ui/e2e/run.mjs failed:\n%s", log).isZero();
        JsonNode result = Json.mapper().readTree(log.substring(log.lastIndexOf("E2E_RESULT ") + 11).lines().findFirst().orElseThrow());
        assertThat(result.get("checks")).allSatisfy(c -> assertThat(c.get("ok").asBoolean()).as(c.toString()).isTrue());
        System.out.printf("UI figures: flow runs list visible after %d ms; bundle %d bytes, %d gzipped; screenshots in %s%n",
                result.get("runsListVisibleMs").asLong(), result.get("bundle").get("raw").asLong(),
                result.get("bundle").get("gzip").asLong(), SCREENSHOTS);
        assertThat(result.get("bundle").get("gzip").asLong()).as("gzipped bundle").isLessThan(1024 * 1024);
        assertThat(SCREENSHOTS.resolve("flow-runs.png")).exists();
        assertThat(SCREENSHOTS.resolve("deployments.png")).exists();
        assertThat(SCREENSHOTS.resolve("deployment-custom-run-422.png")).exists();
        assertThat(SCREENSHOTS.resolve("work-pools.png")).exists();
        assertThat(SCREENSHOTS.resolve("work-pool.png")).exists();
        assertThat(SCREENSHOTS.resolve("flow-run-resume-form.png")).exists();
    }

    /** The id of the flow's run once it is Paused; fails when it is not within 30 s or its thread ended. */
    private static String awaitPaused(WeirServer server, String flow, Thread runner) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline && runner.isAlive()) {
            Optional<FlowRunRecord> paused = server.database().flowRuns()
                    .list(FlowRunFilter.all().withFlowNames(flow), FlowRunSort.CREATED_ASC, Page.DEFAULT).stream()
                    .filter(r -> r.run().state().type() == StateType.PAUSED)
                    .findFirst();
            if (paused.isPresent()) {
                return paused.get().id().toString();
            }
            Thread.sleep(100);
        }
        runner.interrupt();
        return fail("The " + flow + " flow did not pause within 30 s");
    }

    /**
     * Makes sure the paused flow's thread ends: a run the browser did not resume is cancelled (the
     * flow sees it within a second), and a thread still alive after that is interrupted. Answers
     * whether it ended; throws nothing, so that a failure of the browser checks is the one reported.
     */
    private static boolean endPause(WeirServer server, String runId, Thread runner) throws InterruptedException {
        runner.join(Duration.ofSeconds(5));
        if (runner.isAlive()) {
            try {
                send(server, "POST", "/api/flow_runs/" + runId + "/cancel", null);
            } catch (IOException e) {
                // interrupted below instead
            }
            runner.join(Duration.ofSeconds(15));
        }
        if (runner.isAlive()) {
            runner.interrupt();
            runner.join(Duration.ofSeconds(5));
        }
        return !runner.isAlive();
    }

    /** Runs the flows through the HTTP API and returns what the browser checks need to know. */
    private static Map<String, Object> seed(WeirServer server, WeirRuntime weir) throws IOException, InterruptedException {
        Shop shop = weir.flows(Shop.class);
        assertThat(shop.orders(5)).isEqualTo("loaded 3");
        assertThat(shop.orders(8)).isEqualTo("loaded 4");
        assertThatThrownBy(shop::broken).isInstanceOf(FlowRunException.class);
        shop.hostile();
        assertThat(shop.nightly()).isEqualTo("loaded 2");
        List<FlowRunRecord> runs = server.database().flowRuns().list(FlowRunFilter.all(), FlowRunSort.CREATED_ASC, Page.DEFAULT);
        Map<String, Object> seed = new LinkedHashMap<>();
        seed.put("graphRunId", id(runs, "orders", false));
        seed.put("failedRunId", id(runs, "broken", false));
        seed.put("hostileRunId", id(runs, "hostile", false));
        seed.put("parentRunId", id(runs, "nightly", false));
        seed.put("hostileText", HOSTILE);
        seed.put("runNames", runs.stream().map(r -> r.run().name()).toList());
        JsonNode deployment = seedDeployment(server);
        seed.put("deploymentId", deployment.get("id").asText());
        seed.put("deploymentName", deployment.get("name").asText());
        // A run of the deployment an hour ahead, which nothing starts: the browser cancels it, then retries it.
        JsonNode toCancel = post(server, "/api/deployments/" + deployment.get("id").asText() + "/create_flow_run",
                Map.of("name", "to-cancel", "scheduledTime", Instant.now().plus(Duration.ofHours(1)).toString(),
                        "tags", List.of("cancel-me")), 201);
        seed.put("cancelRunId", toCancel.get("id").asText());
        seedWorkPool(server);
        seed.put("poolName", "local");
        seed.put("workerName", "w1");
        return seed;
    }

    /**
     * The pool {@code local} with a worker {@code w1} that has just beaten, and its default queue polled
     * once (so READY): the work pools page and the dashboard's pool health show them.
     */
    private static void seedWorkPool(WeirServer server) throws IOException, InterruptedException {
        HttpResponse<String> pools = send(server, "GET", "/api/work_pools", null);
        assertThat(pools.statusCode()).as(pools.body()).isEqualTo(200);
        boolean exists = false;
        for (JsonNode pool : Json.mapper().readTree(pools.body())) {
            exists |= pool.get("name").asText().equals("local");
        }
        if (!exists) {
            post(server, "/api/work_pools", Map.of("name", "local", "type", "process"), 201);
        }
        post(server, "/api/work_pools/local/workers/heartbeat", Map.of("name", "w1"), 200);
        post(server, "/api/work_pools/local/get_scheduled_flow_runs", Map.of("waitSeconds", 0), 200);
    }

    private static JsonNode post(WeirServer server, String path, Object body, int status)
            throws IOException, InterruptedException {
        HttpResponse<String> response = send(server, "POST", path, Json.mapper().writeValueAsString(body));
        assertThat(response.statusCode()).as("POST %s: %s", path, response.body()).isEqualTo(status);
        return Json.mapper().readTree(response.body());
    }

    private static HttpResponse<String> send(WeirServer server, String method, String path, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return HttpClient.newHttpClient().send(request
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * A deployment of {@code orders} through POST /api/deployments: month 1 to 12 (checked by the
     * browser and the server), a region whose pattern uses Java-only syntax (checked by the server
     * alone, so the browser sees its 422), and a daily cron schedule.
     */
    private static JsonNode seedDeployment(WeirServer server) throws IOException, InterruptedException {
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", "object");
        schema.put("title", "Parameters");
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("month", Map.of("title", "month", "position", 0, "type", "integer", "minimum", 1, "maximum", 12));
        properties.put("region", Map.of("title", "region", "position", 1, "type", "string", "pattern", "^\\p{javaLowerCase}+$"));
        properties.put("dryRun", Map.of("title", "dryRun", "position", 2, "type", "boolean"));
        properties.put("mode", Map.of("title", "mode", "position", 3, "type", "string", "enum", List.of("FULL", "INCREMENTAL")));
        schema.put("properties", properties);
        schema.put("required", List.of("month", "region"));
        schema.put("$defs", Map.of());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "monthly-orders");
        body.put("flowName", "orders");
        body.put("entrypoint", "dev.weir.server.api.UiEndToEndTest$Shop#orders");
        body.put("workPoolName", "ui-pool");
        body.put("parameters", Map.of("month", 5, "region", "eu", "mode", "FULL"));
        body.put("parameterSchema", schema);
        body.put("tags", List.of("e2e", "monthly"));
        body.put("description", "Orders of one month, for the browser test");
        body.put("schedules", List.of(Map.of("schedule", Map.of("type", "cron", "cron", "0 9 * * *", "timezone", "UTC"))));
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/deployments"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(Json.mapper().writeValueAsString(body)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return Json.mapper().readTree(response.body());
    }

    private static String id(List<FlowRunRecord> runs, String flow, boolean subflow) {
        return runs.stream()
                .filter(r -> r.run().flowName().equals(flow) && (r.run().parentTaskRunId() != null) == subflow)
                .findFirst().orElseThrow(() -> new AssertionError("no run of " + flow + " in " + runs))
                .id().toString();
    }

    private static String require(String program, List<String> probe) {
        try {
            Process process = new ProcessBuilder(probe).redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            if (process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0) {
                return program;
            }
        } catch (IOException e) {
            // reported below
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return fail(program + " is not on the PATH: the UI's browser checks need Node.js 20 or newer");
    }

    private static void copy(InputStream in, ByteArrayOutputStream out) {
        try {
            in.transferTo(out);
        } catch (IOException e) {
            // the process ended; what was read is kept
        }
    }
}
