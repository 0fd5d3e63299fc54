package dev.weir.benchmarks;

import dev.weir.Flow;
import dev.weir.server.ServerConfig;
import dev.weir.server.WeirServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The latency of a process worker: from sending {@code POST /api/deployments/{id}/create_flow_run} to
 * the first line of the flow's body in the child JVM that {@code weir worker start} (in a JVM of its
 * own) starts for the run, against a real server on a fresh SQLite file. The baseline, measured in the
 * same run, is the start of a bare JVM on the same class path to the first line of its {@code main}:
 * what the worker adds is the difference. Runs one at a time; the child writes the instant of its
 * first line to a file the harness watches (both on this machine's clock).
 *
 * <p>Usage: {@code bin/benchmarks worker [runs] [pause ms]} (default 30 runs after 3 warm-up runs, 1500 ms
 * between runs: the worker readies a standby JVM for the next run meanwhile, as between scheduled runs;
 * a pause of 0 measures back-to-back runs, which may find no standby ready).
 */
public final class WorkerLatency {

    /** The flow: writes when its body starts. */
    public static class Probe {
        @Flow(name = "worker-probe")
        void probe(String file) throws IOException {
            Files.writeString(Path.of(file), Instant.now().toString());
        }
    }

    /** The baseline: a bare JVM's first line of {@code main}. */
    public static final class BareJvm {
        public static void main(String[] args) throws IOException {
            Files.writeString(Path.of(args[0]), Instant.now().toString());
        }
    }

    private WorkerLatency() {}

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        // Time between runs, so the worker's next standby JVM is ready as it would be between scheduled runs.
        long standbyPause = args.length > 1 ? Long.parseLong(args[1]) : 1500;
        Path dir = Files.createTempDirectory("weir-worker-bench");
        String java = ProcessHandle.current().info().command().orElse("java");
        String classpath = System.getProperty("java.class.path");
        List<Double> bare = new ArrayList<>();
        for (int i = -3; i < runs; i++) {
            Path file = dir.resolve("bare-" + i);
            Instant sent = Instant.now();
            Process process = new ProcessBuilder(java, "-cp", classpath, BareJvm.class.getName(), file.toString())
                    .inheritIO().start();
            Instant first = awaitFile(file);
            process.waitFor();
            if (i >= 0) {
                bare.add(Duration.between(sent, first).toNanos() / 1e6);
            }
        }
        List<Double> worker = new ArrayList<>();
        try (WeirServer server = WeirServer.start(ServerConfig.defaults().withPort(0)
                        .withDatabaseUrl("jdbc:sqlite:" + dir.resolve("weir.db")));
                HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            String api = server.apiUrl().toString();
            post(http, api + "/work_pools", "{\"name\":\"bench\",\"baseJobTemplate\":{\"variables\":{\"properties\":"
                    + "{\"classpath\":{\"type\":\"string\",\"default\":" + quote(classpath) + "}}}}}");
            String deployment = post(http, api + "/deployments", "{\"name\":\"latency\",\"flowName\":\"worker-probe\","
                    + "\"entrypoint\":\"" + Probe.class.getName() + "#probe\",\"workPoolName\":\"bench\"}")
                    .replaceAll("(?s).*?\"id\"\\s*:\\s*\"([^\"]+)\".*", "$1");
            ProcessBuilder builder = new ProcessBuilder(java, "-cp", classpath, "dev.weir.cli.Main", "worker", "start",
                    "--pool", "bench", "--name", "bench-worker")
                    .redirectOutput(dir.resolve("worker.out").toFile()).redirectError(dir.resolve("worker.err").toFile());
            builder.environment().put("WEIR_API_URL", api);
            builder.environment().put("WEIR_HOME", dir.resolve("home").toString());
            Process workerProcess = builder.start();
            try {
                for (int i = -3; i < runs; i++) {
                    Path file = dir.resolve("run-" + i);
                    Instant sent = Instant.now();
                    String run = post(http, api + "/deployments/" + deployment + "/create_flow_run",
                            "{\"parameters\":{\"file\":" + quote(file.toString()) + "}}")
                            .replaceAll("(?s).*?\"id\"\\s*:\\s*\"([^\"]+)\".*", "$1");
                    Instant first = awaitFile(file);
                    if (i >= 0) {
                        worker.add(Duration.between(sent, first).toNanos() / 1e6);
                    }
                    awaitFinal(http, api + "/flow_runs/" + run);
                    Thread.sleep(standbyPause);
                }
            } finally {
                workerProcess.descendants().forEach(ProcessHandle::destroyForcibly);
                workerProcess.destroyForcibly();
            }
        }
        Collections.sort(bare);
        Collections.sort(worker);
        System.out.printf(Locale.ROOT, "bare JVM to the first line of main, %d runs: median %.1f ms, p90 %.1f ms%n",
                runs, at(bare, 0.5), at(bare, 0.9));
        System.out.printf(Locale.ROOT, "create_flow_run to the flow's first line in the worker's child JVM: median %.1f ms,"
                + " p90 %.1f ms, max %.1f ms%n", at(worker, 0.5), at(worker, 0.9), worker.getLast());
        System.out.printf(Locale.ROOT, "the worker's part beyond a bare JVM: median %.1f ms (ratio %.2f)%n",
                at(worker, 0.5) - at(bare, 0.5), at(worker, 0.5) / at(bare, 0.5));
    }

    private static String post(HttpClient http, String url, String body) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private static Instant awaitFile(Path file) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.exists(file)) {
                String text = Files.readString(file);
                if (!text.isEmpty()) {
                    return Instant.parse(text.strip());
                }
            }
            Thread.sleep(1);
        }
        throw new IllegalStateException(file + " was not written within 60 s");
    }

    private static void awaitFinal(HttpClient http, String url) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            String body = http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            if (body.matches("(?s).*\"final\"\\s*:\\s*true.*")) {
                return;
            }
            Thread.sleep(5);
        }
        throw new IllegalStateException(url + " did not end within 60 s");
    }

    private static double at(List<Double> sorted, double quantile) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(quantile * sorted.size()) - 1));
    }

    private static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
