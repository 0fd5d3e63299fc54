package dev.weir.server.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weir.api.SetStateRequest;
import dev.weir.core.Ids;
import dev.weir.core.Json;
import dev.weir.orchestrator.FlowRunCreate;
import dev.weir.run.RetryPolicy;
import dev.weir.server.store.Database;
import dev.weir.server.store.FlowRunRecord;
import dev.weir.server.store.StateRecord;
import dev.weir.state.State;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults: the server killed with SIGKILL in the middle of many concurrent state writes, then started
 * again on the same SQLite file; and 16 concurrent writers that must never see an error.
 */
class KilledServerTest {

    @TempDir
    Path home;

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private static int post(URI api, String path, Object body) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(api + path))
                .timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString(Json.mapper().writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
        return response.statusCode();
    }

    private static FlowRunCreate create(UUID id) {
        return new FlowRunCreate(id, "run-" + id, "etl", "v1", Map.of(), List.of(), null, RetryPolicy.NONE,
                State.pending(Instant.now()));
    }

    /** Creates a run and moves it to Running then Completed, recording each write the server acknowledged. */
    private static void lifecycle(URI api, UUID id, Map<UUID, List<String>> acknowledged) throws Exception {
        if (post(api, "/flow_runs", create(id)) / 100 != 2) {
            return;
        }
        acknowledged.computeIfAbsent(id, key -> new ArrayList<>()).add("Pending");
        for (State state : List.of(State.running(Instant.now()), State.completed(Instant.now()))) {
            if (post(api, "/flow_runs/" + id + "/set_state", new SetStateRequest(state, false)) != 200) {
                return;
            }
            acknowledged.get(id).add(state.name());
        }
    }

    @Test
    void everyAcknowledgedWriteSurvivesASigkillAndNoTransitionIsLeftHalfDone() throws Exception {
        String url = "jdbc:sqlite:" + home.resolve("weir.db");
        Map<UUID, List<String>> acknowledged = new ConcurrentHashMap<>();
        AtomicInteger writes = new AtomicInteger();
        try (ServerProcess server = ServerProcess.start(url, 0)) {
            CountDownLatch enough = new CountDownLatch(1);
            List<Thread> clients = new ArrayList<>();
            for (int c = 0; c < 16; c++) {
                clients.add(Thread.ofVirtual().start(() -> {
                    try {
                        for (int i = 0; i < 1000 / 16 + 1; i++) {
                            lifecycle(server.apiUrl(), Ids.newId(), acknowledged);
                            if (writes.addAndGet(3) > 600) {
                                enough.countDown();
                            }
                        }
                    } catch (Exception connectionLost) {
                        // the server was killed: this client stops
                    }
                }));
            }
            enough.await();
            server.kill();
            for (Thread client : clients) {
                client.join(Duration.ofSeconds(30));
            }
        }
        assertThat(acknowledged).hasSizeGreaterThan(50);

        try (ServerProcess restarted = ServerProcess.start(url, 0)) {
            assertThat(post(restarted.apiUrl(), "/flow_runs/count", Map.of())).isEqualTo(200);
        }
        try (Database database = Database.open(url)) {
            for (Map.Entry<UUID, List<String>> entry : acknowledged.entrySet()) {
                FlowRunRecord run = database.flowRuns().read(entry.getKey()).orElseThrow(
                        () -> new AssertionError("acknowledged run " + entry.getKey() + " is missing"));
                List<String> history = database.flowRuns().states(entry.getKey()).stream()
                        .map(StateRecord::state).map(State::name).toList();
                assertThat(history).as("history of " + entry.getKey()).startsWith(entry.getValue().toArray(String[]::new));
                assertThat(run.run().state().name()).as("current state is the last history entry")
                        .isEqualTo(history.getLast());
            }
        }
        try (Connection connection = DriverManager.getConnection(url);
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("PRAGMA integrity_check")) {
            result.next();
            assertThat(result.getString(1)).isEqualTo("ok");
        }
    }

    @Test
    void sixteenConcurrentWritersOnSqliteNeverSeeAnError() throws Exception {
        String url = "jdbc:sqlite:" + home.resolve("weir.db");
        Map<UUID, List<String>> acknowledged = new ConcurrentHashMap<>();
        List<Integer> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (Database database = Database.open(url);
                dev.weir.server.WeirServer server = dev.weir.server.WeirServer.start(
                        dev.weir.server.ServerConfig.defaults().withPort(0), database)) {
            List<Thread> clients = new ArrayList<>();
            for (int c = 0; c < 16; c++) {
                clients.add(Thread.ofVirtual().start(() -> {
                    for (int i = 0; i < 40; i++) {
                        UUID id = Ids.newId();
                        try {
                            int status = post(server.apiUrl(), "/flow_runs", create(id));
                            int running = post(server.apiUrl(), "/flow_runs/" + id + "/set_state",
                                    new SetStateRequest(State.running(Instant.now()), false));
                            if (status / 100 != 2 || running != 200) {
                                failures.add(status * 1000 + running);
                            } else {
                                acknowledged.put(id, List.of());
                            }
                        } catch (Exception e) {
                            failures.add(-1);
                        }
                    }
                }));
            }
            for (Thread client : clients) {
                client.join();
            }
            assertThat(failures).isEmpty();
            JsonNode count = Json.mapper().readTree(HTTP.send(HttpRequest.newBuilder(URI.create(server.apiUrl() + "/flow_runs/count"))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"states\":[\"RUNNING\"]}")).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
            assertThat(count.get("count").asInt()).isEqualTo(16 * 40);
        }
    }
}
