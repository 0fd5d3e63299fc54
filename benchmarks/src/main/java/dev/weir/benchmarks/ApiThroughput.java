package dev.weir.benchmarks;

import dev.weir.api.SetStateRequest;
import dev.weir.core.Ids;
import dev.weir.core.Json;
import dev.weir.orchestrator.FlowRunCreate;
import dev.weir.run.RetryPolicy;
import dev.weir.server.ServerConfig;
import dev.weir.server.WeirServer;
import dev.weir.state.State;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Throughput and latency of the REST API under concurrent clients: a real {@link WeirServer} on
 * 127.0.0.1 (port 0), started as a child JVM of its own so that client and server share neither heap
 * nor GC, first over a fresh SQLite file, then over an embedded PostgreSQL (zonky). For 1, 4 and 16
 * concurrent clients (virtual threads, one shared {@link HttpClient}, HTTP/1.1 keep-alive), each client
 * loops over one operation: {@code POST /api/flow_runs} (a new Pending run) then
 * {@code POST /api/flow_runs/{id}/set_state} Running. Each setting has a warm-up (2 s) then a measured
 * window (10 s); latencies are per request, collected in a {@code long[]} per client and sorted.
 *
 * <p>One server (and database) per database kind; the settings run one after the other on it, so the
 * 16-client setting runs over a table the earlier settings have filled. Errors (non-2xx, 503, a body
 * mentioning "database is locked", I/O failures, a set_state answer other than ACCEPT) are counted over
 * warm-up and measured window together.
 *
 * <p>Usage: {@code bin/benchmarks api [sqlite|postgres|both] [warm-up seconds] [measured seconds]}.
 * The child JVM gets the options of {@code WEIR_SERVER_JAVA_OPTS} (none by default).
 */
public final class ApiThroughput {

    private static final int[] CLIENTS = {1, 4, 16};

    private ApiThroughput() {}

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("serve")) {
            serve(args[1]);
            return;
        }
        String which = args.length > 0 ? args[0] : "both";
        double warmup = args.length > 1 ? Double.parseDouble(args[1]) : 2;
        double measured = args.length > 2 ? Double.parseDouble(args[2]) : 10;
        System.out.printf(Locale.ROOT, "ApiThroughput: %s, warm-up %.0f s, measured %.0f s per setting, %d cores, Java %s%n",
                which, warmup, measured, Runtime.getRuntime().availableProcessors(), Runtime.version());
        List<Result> results = new ArrayList<>();
        if (!which.equals("postgres")) {
            Path dir = Files.createTempDirectory("weir-api-bench");
            String url = "jdbc:sqlite:" + dir.resolve("weir.db");
            System.out.println("SQLite: " + url);
            results.addAll(runAll("SQLite", url, warmup, measured));
        }
        if (!which.equals("sqlite")) {
            try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
                try (Connection connection = postgres.getPostgresDatabase().getConnection();
                        Statement statement = connection.createStatement()) {
                    statement.execute("CREATE DATABASE weir_bench");
                    System.out.println("PostgreSQL " + setting(statement, "server_version") + ": fsync="
                            + setting(statement, "fsync") + ", synchronous_commit=" + setting(statement, "synchronous_commit")
                            + ", max_connections=" + setting(statement, "max_connections"));
                }
                results.addAll(runAll("PostgreSQL", postgres.getJdbcUrl("postgres", "weir_bench"), warmup, measured));
            }
        }
        print(results);
    }

    private static String setting(Statement statement, String name) throws Exception {
        try (ResultSet result = statement.executeQuery("SHOW " + name)) {
            result.next();
            return result.getString(1);
        }
    }

    /** The child JVM: a server on 127.0.0.1, port 0, until its standard input closes. */
    private static void serve(String databaseUrl) throws IOException {
        WeirServer server = WeirServer.start(ServerConfig.defaults().withHost("127.0.0.1").withPort(0)
                .withDatabaseUrl(databaseUrl));
        System.out.println("READY " + server.apiUrl());
        System.out.flush();
        while (System.in.read() >= 0) {
            // the parent closes our standard input when it is done (or dies)
        }
        server.close();
        System.exit(0);
    }

    private static List<Result> runAll(String database, String url, double warmup, double measured) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElseThrow());
        command.add("--enable-native-access=ALL-UNNAMED");
        String options = System.getenv("WEIR_SERVER_JAVA_OPTS");
        if (options != null && !options.isBlank()) {
            command.addAll(Arrays.asList(options.trim().split("\\s+")));
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), ApiThroughput.class.getName(), "serve", url));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        OutputStream stdin = process.getOutputStream();
        try {
            BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream()));
            URI api = null;
            String line;
            while ((line = output.readLine()) != null) {
                if (line.startsWith("READY ")) {
                    api = URI.create(line.substring(6).trim());
                    break;
                }
                System.out.println("[server] " + line);
            }
            if (api == null) {
                throw new IOException("The server process ended before it was ready (exit " + process.waitFor() + ")");
            }
            Thread.ofVirtual().start(() -> output.lines().forEach(text -> System.out.println("[server] " + text)));
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5)).build();
            List<Result> results = new ArrayList<>();
            for (int clients : CLIENTS) {
                Result result = run(database, http, api, clients, warmup, measured);
                System.out.println(result.row());
                results.add(result);
            }
            return results;
        } finally {
            stdin.close();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    /** What one client saw. */
    private static final class Client {
        long[] latencies = new long[1 << 16];
        int count;
        long operations;
        long non2xx;
        long unavailable;
        long locked;
        long ioErrors;
        long notAccepted;

        void record(long nanos) {
            if (count == latencies.length) {
                latencies = Arrays.copyOf(latencies, count * 2);
            }
            latencies[count++] = nanos;
        }
    }

    private static Result run(String database, HttpClient http, URI api, int clients, double warmup, double measured)
            throws InterruptedException {
        long start = System.nanoTime();
        long measureFrom = start + (long) (warmup * 1e9);
        long measureTo = measureFrom + (long) (measured * 1e9);
        Client[] seen = new Client[clients];
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            Client client = new Client();
            seen[c] = client;
            threads.add(Thread.ofVirtual().name("client-" + c).start(() -> loop(http, api, client, measureFrom, measureTo)));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        int total = 0;
        for (Client client : seen) {
            total += client.count;
        }
        long[] all = new long[total];
        int at = 0;
        Result result = new Result(database, clients);
        for (Client client : seen) {
            System.arraycopy(client.latencies, 0, all, at, client.count);
            at += client.count;
            result.operations += client.operations;
            result.non2xx += client.non2xx;
            result.unavailable += client.unavailable;
            result.locked += client.locked;
            result.ioErrors += client.ioErrors;
            result.notAccepted += client.notAccepted;
        }
        Arrays.sort(all);
        result.requests = total;
        result.seconds = measured;
        result.p50 = percentile(all, 0.50);
        result.p99 = percentile(all, 0.99);
        return result;
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }

    private static void loop(HttpClient http, URI api, Client client, long measureFrom, long measureTo) {
        String base = api.toString();
        while (System.nanoTime() < measureTo) {
            UUID id = Ids.newId();
            FlowRunCreate create = new FlowRunCreate(id, "bench-" + id, "bench", "v1", Map.of(), List.of(), null,
                    RetryPolicy.NONE, State.pending(Instant.now()));
            String created = post(http, base + "/flow_runs", create, client, measureFrom, measureTo);
            if (created == null) {
                continue;
            }
            String answer = post(http, base + "/flow_runs/" + id + "/set_state",
                    new SetStateRequest(State.running(Instant.now()), false), client, measureFrom, measureTo);
            if (answer != null && !answer.contains("\"ACCEPT\"")) {
                client.notAccepted++;
            }
        }
    }

    /** One request; its body if it answered 2xx, else null. */
    private static String post(HttpClient http, String url, Object body, Client client, long measureFrom, long measureTo) {
        String json;
        try {
            json = Json.mapper().writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
        long before = System.nanoTime();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            client.ioErrors++;
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        long after = System.nanoTime();
        if (after >= measureFrom && after < measureTo) {
            client.record(after - before);
            if (url.endsWith("/set_state")) {
                client.operations++;
            }
        }
        String text = response.body();
        if (text != null && text.toLowerCase(Locale.ROOT).contains("database is locked")) {
            client.locked++;
        }
        if (response.statusCode() / 100 != 2) {
            client.non2xx++;
            if (response.statusCode() == 503) {
                client.unavailable++;
            }
            return null;
        }
        return text;
    }

    private static final class Result {
        final String database;
        final int clients;
        long requests;
        long operations;
        double seconds;
        double p50;
        double p99;
        long non2xx;
        long unavailable;
        long locked;
        long ioErrors;
        long notAccepted;

        Result(String database, int clients) {
            this.database = database;
            this.clients = clients;
        }

        double requestsPerSecond() {
            return requests / seconds;
        }

        String row() {
            return String.format(Locale.ROOT, "| %s | %d | %,.0f | %,.0f | %.2f | %.2f | %,d | %d | %d | %d | %d | %d |",
                    database, clients, requestsPerSecond(), operations / seconds, p50, p99, requests, non2xx,
                    unavailable, locked, ioErrors, notAccepted);
        }
    }

    private static void print(List<Result> results) {
        System.out.println();
        System.out.println("| database | clients | requests/s | operations/s | p50 ms | p99 ms | requests measured"
                + " | non-2xx | 503 | \"database is locked\" | I/O errors | set_state not ACCEPT |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|");
        for (Result result : results) {
            System.out.println(result.row());
        }
        System.out.println();
        for (String database : List.of("SQLite", "PostgreSQL")) {
            Result one = null;
            Result sixteen = null;
            for (Result result : results) {
                if (result.database.equals(database) && result.clients == 1) {
                    one = result;
                }
                if (result.database.equals(database) && result.clients == 16) {
                    sixteen = result;
                }
            }
            if (one != null && sixteen != null) {
                System.out.printf(Locale.ROOT, "%s: 16 clients / 1 client throughput = %.2f%n", database,
                        sixteen.requestsPerSecond() / one.requestsPerSecond());
            }
        }
    }
}
