package dev.weir.benchmarks;

import dev.weir.Flow;
import dev.weir.Weir;
import dev.weir.WeirRuntime;
import dev.weir.serve.Deployment;
import dev.weir.serve.Serving;
import dev.weir.server.ServerConfig;
import dev.weir.server.WeirServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;

/**
 * The latency of serving: from sending {@code POST /api/deployments/{id}/create_flow_run} to the first
 * line of the flow's body running in the serving process ({@code Weir.startServing}), against a real
 * server on a fresh SQLite file in the same JVM, over HTTP. Runs one at a time: each is created once the
 * previous one's body has run. 20 warm-up runs, then {@code runs} measured; median, p90, p99 and max,
 * and the same for the create request alone (the part serving does not own).
 *
 * <p>Usage: {@code bin/benchmarks serve [runs]}.
 */
public final class ServeLatency {

    /** Hands each body's start time to the measuring thread. */
    static final SynchronousQueue<Long> STARTED = new SynchronousQueue<>();

    public static class Probe {
        @Flow(name = "serve-probe")
        void probe() throws InterruptedException {
            STARTED.put(System.nanoTime());
        }
    }

    private ServeLatency() {}

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        Path dir = Files.createTempDirectory("weir-serve-bench");
        try (WeirServer server = WeirServer.start(ServerConfig.defaults().withPort(0)
                        .withDatabaseUrl("jdbc:sqlite:" + dir.resolve("weir.db")));
                WeirRuntime runtime = Weir.configure(c -> c.apiUrl(server.apiUrl()).logLevel("WARN"));
                Serving serving = Serving.start(runtime, 10, Deployment.of(Probe::probe).name("latency"));
                HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            HttpRequest create = HttpRequest.newBuilder(URI.create(server.apiUrl() + "/deployments/"
                            + serving.deploymentIds().getFirst() + "/create_flow_run"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build();
            List<Double> millis = new ArrayList<>();
            List<Double> createMillis = new ArrayList<>();
            for (int i = -20; i < runs; i++) {
                long sent = System.nanoTime();
                HttpResponse<String> response = http.send(create, HttpResponse.BodyHandlers.ofString());
                long answered = System.nanoTime();
                if (response.statusCode() != 201) {
                    throw new IllegalStateException("create_flow_run answered " + response.statusCode() + ": " + response.body());
                }
                Long started = STARTED.poll(30, TimeUnit.SECONDS);
                if (started == null) {
                    throw new IllegalStateException("run " + i + " did not start within 30 s");
                }
                if (i >= 0) {
                    millis.add((started - sent) / 1e6);
                    createMillis.add((answered - sent) / 1e6);
                }
            }
            Collections.sort(millis);
            Collections.sort(createMillis);
            System.out.printf(Locale.ROOT, "create_flow_run to the flow's first line, %d runs: median %.2f ms, p90 %.2f ms,"
                    + " p99 %.2f ms, max %.2f ms%n", runs, at(millis, 0.50), at(millis, 0.90), at(millis, 0.99),
                    millis.getLast());
            System.out.printf(Locale.ROOT, "of which create_flow_run itself answered in: median %.2f ms, p99 %.2f ms%n",
                    at(createMillis, 0.50), at(createMillis, 0.99));
        }
    }

    private static double at(List<Double> sorted, double quantile) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(quantile * sorted.size()) - 1));
    }
}
