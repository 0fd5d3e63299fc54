package dev.weir.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weir.api.ScheduledRunsRequest;
import dev.weir.core.Ids;
import dev.weir.core.Json;
import dev.weir.orchestrator.FlowRunCreate;
import dev.weir.server.ServerConfig;
import dev.weir.server.WeirServer;
import dev.weir.server.orchestration.FlowRunOrchestrator;
import dev.weir.server.store.Database;
import dev.weir.server.store.DeploymentRecord;
import dev.weir.server.store.FlowRunFilter;
import dev.weir.server.store.NewDeployment;
import dev.weir.server.store.NewFlowRun;
import dev.weir.server.store.NewWorkPool;
import dev.weir.state.State;
import dev.weir.state.StateType;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Claims through the REST API: N due runs (10,000 by default, Scheduled a minute ago, of one deployment
 * on one work pool) and W workers (4), each a platform thread with an {@link HttpClient} of its own
 * (HTTP/1.1, keep-alive), calling {@code POST /api/work_pools/bench/get_scheduled_flow_runs} with a
 * limit (10, the API's default, then 100, the most) and no wait, in a loop, until an answer is empty. A
 * real {@link WeirServer} on 127.0.0.1, port 0, in this JVM (its background services running), over a
 * fresh SQLite file (the baseline) and over an embedded PostgreSQL. Reports claims per second from the
 * first request to the last claim, and the duplicates: ids handed out more than once (must be 0), with
 * the count of PENDING runs in the database afterwards (must be N).
 *
 * <p>Usage: {@code bin/benchmarks claims [sqlite|postgres|both] [runs] [workers]}.
 */
public final class ClaimThroughput {

    private static final String POOL = "bench";
    private static final int[] LIMITS = {10, 100};

    private ClaimThroughput() {}

    public static void main(String[] args) throws Exception {
        String which = args.length > 0 ? args[0] : "both";
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        int workers = args.length > 2 ? Integer.parseInt(args[2]) : 4;
        System.out.printf(Locale.ROOT, "ClaimThroughput: %s, %,d due runs, %d workers over HTTP, %d cores, Java %s,"
                + " load average %.2f%n", which, runs, workers, Runtime.getRuntime().availableProcessors(),
                Runtime.version(), SchedulerLateness.load());
        List<String> rows = new ArrayList<>();
        if (!which.equals("postgres")) {
            Path dir = Files.createTempDirectory("weir-claims-bench");
            try (Database database = Database.open("jdbc:sqlite:" + dir.resolve("weir.db"))) {
                rows.addAll(run("SQLite", database, runs, workers));
            }
        }
        if (!which.equals("sqlite")) {
            try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
                try (Connection connection = postgres.getPostgresDatabase().getConnection();
                        Statement statement = connection.createStatement()) {
                    statement.execute("CREATE DATABASE weir_bench");
                }
                try (Database database = Database.open(postgres.getJdbcUrl("postgres", "weir_bench"))) {
                    rows.addAll(run("PostgreSQL", database, runs, workers));
                }
            }
        }
        System.out.println();
        System.out.println("| database | workers | limit | runs | claims/s | seconds | requests | duplicates"
                + " | new PENDING runs | errors | load average |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|");
        rows.forEach(System.out::println);
    }

    private static List<String> run(String kind, Database database, int runs, int workers) throws Exception {
        Instant now = Instant.now();
        database.workPools().upsert(new NewWorkPool(POOL, "process", null, null, null, false), now);
        DeploymentRecord deployment = database.deployments().upsert(new NewDeployment("bench", "claims",
                "dev.weir.Bench#run", POOL, null, Map.of(), null, false, List.of(), null, "v1", null, null), now)
                .deployment();
        FlowRunOrchestrator orchestrator = new FlowRunOrchestrator(database, InstantSource.system(), () -> {});
        List<String> rows = new ArrayList<>();
        try (WeirServer server = WeirServer.start(ServerConfig.defaults().withHost("127.0.0.1").withPort(0), database)) {
            URI claim = URI.create(server.apiUrl() + "/work_pools/" + POOL + "/get_scheduled_flow_runs");
            for (int limit : LIMITS) {
                seed(orchestrator, deployment, runs);
                String row = claimAll(kind, database, claim, runs, workers, limit);
                System.out.println(row);
                rows.add(row);
            }
        }
        return rows;
    }

    private static void seed(FlowRunOrchestrator orchestrator, DeploymentRecord deployment, int runs) {
        Instant now = Instant.now();
        List<NewFlowRun> batch = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            Instant slot = now.minusSeconds(60).plusMillis(i % 1000);
            FlowRunCreate create = new FlowRunCreate(Ids.newId(), null, deployment.flowName(), deployment.version(),
                    Map.of(), List.of(), null, deployment.runPolicy(), State.scheduled(now, slot));
            batch.add(NewFlowRun.of(create, now).withDeployment(deployment.id()));
            if (batch.size() == 500) {
                orchestrator.createAll(List.copyOf(batch));
                batch.clear();
            }
        }
        orchestrator.createAll(batch);
    }

    private static String claimAll(String kind, Database database, URI claim, int runs, int workers, int limit)
            throws Exception {
        Set<UUID> claimed = ConcurrentHashMap.newKeySet();
        AtomicLong duplicates = new AtomicLong();
        AtomicLong requests = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicLong lastClaim = new AtomicLong();
        long pendingBefore = database.flowRuns().count(FlowRunFilter.all().withStateTypes(StateType.PENDING));
        String body = Json.mapper().writeValueAsString(new ScheduledRunsRequest(null, null, limit, 0));
        long start = System.nanoTime();
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            threads.add(Thread.ofPlatform().name("bench-worker-" + w).start(() -> {
                HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(Duration.ofSeconds(5)).build();
                HttpRequest request = HttpRequest.newBuilder(claim).timeout(Duration.ofSeconds(60))
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
                while (true) {
                    JsonNode answer;
                    try {
                        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                        requests.incrementAndGet();
                        if (response.statusCode() != 200) {
                            errors.incrementAndGet();
                            continue;
                        }
                        answer = Json.mapper().readTree(response.body());
                    } catch (Exception e) {
                        errors.incrementAndGet();
                        if (errors.get() > 100) {
                            return;
                        }
                        continue;
                    }
                    if (answer.isEmpty()) {
                        return;
                    }
                    for (JsonNode run : answer) {
                        if (!claimed.add(UUID.fromString(run.get("id").asText()))) {
                            duplicates.incrementAndGet();
                        }
                    }
                    lastClaim.set(System.nanoTime());
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        double seconds = (lastClaim.get() - start) / 1e9;
        long pending = database.flowRuns().count(FlowRunFilter.all().withStateTypes(StateType.PENDING)) - pendingBefore;
        return String.format(Locale.ROOT, "| %s | %d | %d | %,d | %,.0f | %.2f | %,d | %d | %,d | %d | %.2f |", kind,
                workers, limit, claimed.size(), claimed.size() / seconds, seconds, requests.get(), duplicates.get(),
                pending, errors.get(), SchedulerLateness.load());
    }
}
