package dev.weir.client;

import static dev.weir.client.Records.T0;
import static dev.weir.client.Records.aFlowRunCreate;
import static dev.weir.client.Records.aFlowRunFrom;
import static dev.weir.client.Records.aLog;
import static dev.weir.client.Records.aTaskRun;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.weir.api.Problem;
import dev.weir.api.SetStateRequest;
import dev.weir.api.SetStateResponse;
import dev.weir.client.FakeApi.Reply;
import dev.weir.client.Records.RecordingSleeper;
import dev.weir.core.Ids;
import dev.weir.core.Json;
import dev.weir.core.WeirException;
import dev.weir.orchestrator.FlowRunCreate;
import dev.weir.orchestrator.StateDecision;
import dev.weir.run.FlowRun;
import dev.weir.run.RunLog;
import dev.weir.run.TaskRun;
import dev.weir.state.State;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HttpOrchestratorTest {

    private final FakeApi api = new FakeApi();
    private final RecordingSleeper sleeper = new RecordingSleeper();
    private final HttpOrchestrator client = new HttpOrchestrator(api.url(), Optional.of("s3cret"), sleeper,
            Duration.ofSeconds(1));

    @AfterEach
    void close() {
        client.close();
        api.close();
    }

    @Test
    void createsAFlowRunUnderItsOwnIdAsTheIdempotencyKey() {
        api.route("POST", "/api/flow_runs", request -> Reply.json(201, aFlowRunFrom(request.body(FlowRunCreate.class))));
        FlowRunCreate create = aFlowRunCreate();

        FlowRun run = client.createFlowRun(create);

        assertThat(run).isEqualTo(aFlowRunFrom(create));
        FakeApi.Request request = api.requests().getFirst();
        assertThat(request.body(FlowRunCreate.class)).isEqualTo(create);
        assertThat(request.header("Idempotency-Key")).isEqualTo(create.id().toString());
        assertThat(request.header("Authorization")).isEqualTo("Bearer s3cret");
        assertThat(request.header("Content-Type")).isEqualTo("application/json");
    }

    @Test
    void acceptsTheAnswerForAFlowRunThatAlreadyExisted() {
        FlowRunCreate create = aFlowRunCreate();
        api.route("POST", "/api/flow_runs", request -> Reply.json(200, aFlowRunFrom(create)));

        assertThat(client.createFlowRun(create).id()).isEqualTo(create.id());
    }

    @Test
    void readsAFlowRunAndAnswersEmptyForAnUnknownOne() {
        FlowRunCreate create = aFlowRunCreate();
        api.route("GET", "/api/flow_runs/" + create.id(), request -> Reply.json(200, aFlowRunFrom(create)));

        assertThat(client.flowRun(create.id())).contains(aFlowRunFrom(create));
        assertThat(client.flowRun(Ids.newId())).isEmpty();
    }

    @Test
    void proposesAStateWithATransitionIdAndReturnsTheDecision() {
        UUID id = Ids.newId();
        State scheduled = State.awaitingRetry(T0, T0.plusSeconds(30), "retry 1 of 2");
        api.route("POST", "/api/flow_runs/" + id + "/set_state", request -> Reply.json(200,
                SetStateResponse.of(new StateDecision.Wait(scheduled, Duration.ofMillis(1500), "not yet"))));

        StateDecision decision = client.setFlowRunState(id, State.running(T0));

        assertThat(decision).isEqualTo(new StateDecision.Wait(scheduled, Duration.ofMillis(1500), "not yet"));
        SetStateRequest sent = api.requests().getFirst().body(SetStateRequest.class);
        assertThat(sent.force()).isFalse();
        assertThat(sent.state().name()).isEqualTo(State.RUNNING);
        assertThat(sent.state().details().transitionId()).isNotNull();
    }

    @Test
    void keepsATransitionIdTheStateAlreadyHas() {
        UUID id = Ids.newId();
        UUID transition = Ids.newId();
        api.route("POST", "/api/flow_runs/" + id + "/set_state",
                request -> Reply.json(200, SetStateResponse.of(new StateDecision.Accept(State.completed(T0)))));

        State proposed = State.completed(T0);
        client.setFlowRunState(id, proposed.withDetails(proposed.details().withTransitionId(transition)));

        assertThat(api.requests().getFirst().body(SetStateRequest.class).state().details().transitionId())
                .isEqualTo(transition);
    }

    @Test
    void sendsTaskRunsAndLogLinesAsJsonArrays() {
        api.route("POST", "/api/task_runs/batch", request -> Reply.empty(204));
        api.route("POST", "/api/logs", request -> Reply.empty(204));
        UUID flowRunId = Ids.newId();
        TaskRun extract = aTaskRun("extract", flowRunId, State.running(T0));
        TaskRun load = aTaskRun("load", flowRunId, State.completed(T0));
        RunLog line = aLog(flowRunId, "hello");

        client.recordTaskRuns(List.of(extract, load));
        client.recordTaskRun(load);
        client.recordLog(line);
        client.recordLogs(List.of());

        List<FakeApi.Request> requests = api.requests();
        assertThat(requests).extracting(FakeApi.Request::path)
                .containsExactly("/api/task_runs/batch", "/api/task_runs/batch", "/api/logs");
        assertThat(read(requests.get(0).body(), new TypeReference<List<TaskRun>>() {})).containsExactly(extract, load);
        assertThat(read(requests.get(1).body(), new TypeReference<List<TaskRun>>() {})).containsExactly(load);
        assertThat(read(requests.get(2).body(), new TypeReference<List<RunLog>>() {})).containsExactly(line);
    }

    @Test
    void retriesAnOverloadedServerAfterItsRetryAfterWithTheSameTransitionId() {
        UUID id = Ids.newId();
        String path = "/api/flow_runs/" + id + "/set_state";
        Reply busy = new Reply(503, Map.of("Retry-After", "3"), new Problem(null, "Busy", 503, "queue full", null));
        api.first("POST", path, busy, busy)
                .route("POST", path, request -> Reply.json(200,
                        SetStateResponse.of(new StateDecision.Accept(request.body(SetStateRequest.class).state()))));

        StateDecision decision = client.setFlowRunState(id, State.running(T0));

        assertThat(decision).isInstanceOf(StateDecision.Accept.class);
        assertThat(api.requests()).hasSize(3);
        assertThat(api.requests()).extracting(r -> r.body(SetStateRequest.class).state().details().transitionId())
                .containsOnly(decision.state().details().transitionId())
                .doesNotContainNull();
        assertThat(sleeper.sleeps).hasSize(2).allSatisfy(delay ->
                assertThat(delay).isBetween(Duration.ofSeconds(3), Duration.ofMillis(3600)));
    }

    @Test
    void backsOffExponentiallyWhenTheServerSaysNotHowLong() {
        api.first("POST", "/api/logs", Reply.empty(502), Reply.empty(504), Reply.empty(429))
                .route("POST", "/api/logs", request -> Reply.empty(204));

        client.recordLog(aLog(Ids.newId(), "hello"));

        assertThat(api.requests()).hasSize(4);
        assertThat(sleeper.sleeps).hasSize(3);
        assertThat(sleeper.sleeps.get(0)).isBetween(Duration.ofSeconds(2), Duration.ofMillis(2400));
        assertThat(sleeper.sleeps.get(1)).isBetween(Duration.ofSeconds(4), Duration.ofMillis(4800));
        assertThat(sleeper.sleeps.get(2)).isBetween(Duration.ofSeconds(8), Duration.ofMillis(9600));
    }

    @Test
    void givesUpAfterFiveRetriesWithTheLastAnswer() {
        api.route("POST", "/api/logs", request -> Reply.json(503, new Problem(null, "Busy", 503, "queue full", null)));

        assertThatThrownBy(() -> client.recordLog(aLog(Ids.newId(), "hello")))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(503);
                    assertThat(e.detail()).isEqualTo("queue full");
                });
        assertThat(api.requests()).hasSize(6);
        assertThat(sleeper.sleeps).hasSize(5);
    }

    @Test
    void failsAtOnceOnABadRequestNamingTheField() {
        UUID id = Ids.newId();
        api.route("POST", "/api/flow_runs/" + id + "/set_state", request -> Reply.json(400,
                new Problem("about:blank", "Bad Request", 400, "unknown state type 'DONE'", "state.type")));

        assertThatThrownBy(() -> client.setFlowRunState(id, State.running(T0)))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.field()).contains("state.type");
                    assertThat(e.detail()).isEqualTo("unknown state type 'DONE'");
                    assertThat(e).hasMessageContaining("/set_state").hasMessageContaining("400");
                });
        assertThat(api.requests()).hasSize(1);
        assertThat(sleeper.sleeps).isEmpty();
    }

    @Test
    void explainsARefusalThatIsNotAProblemDocument() {
        api.route("POST", "/api/logs", request -> new Reply(403, Map.of(), "<html>forbidden by proxy</html>"));

        assertThatThrownBy(() -> client.recordLog(aLog(Ids.newId(), "hello")))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(403);
                    assertThat(e.detail()).isEqualTo("<html>forbidden by proxy</html>");
                    assertThat(e.field()).isEmpty();
                });
    }

    @Test
    void retriesWhileTheServerRefusesConnectionsAndGetsThroughOnceItListens() throws Exception {
        int port = freePort();
        AtomicReference<FakeApi> late = new AtomicReference<>();
        RecordingSleeper startsTheServer = new RecordingSleeper() {
            @Override
            public void sleep(Duration duration) {
                super.sleep(duration);
                if (sleeps.size() == 2) {
                    late.set(new FakeApi(port).route("POST", "/api/logs", request -> Reply.empty(204)));
                }
            }
        };
        try (HttpOrchestrator refused = new HttpOrchestrator(URI.create("http://127.0.0.1:" + port + "/api"),
                Optional.empty(), startsTheServer, Duration.ofSeconds(1))) {
            refused.recordLog(aLog(Ids.newId(), "hello"));
        } finally {
            if (late.get() != null) {
                late.get().close();
            }
        }
        assertThat(startsTheServer.sleeps).hasSize(2);
        assertThat(late.get().requests()).singleElement()
                .satisfies(request -> assertThat(request.header("Authorization")).isNull());
    }

    @Test
    void reportsAnUnreachableServerOnceTheRetriesRunOut() throws Exception {
        URI nobody = URI.create("http://127.0.0.1:" + freePort() + "/api");
        try (HttpOrchestrator refused = new HttpOrchestrator(nobody, Optional.empty(), sleeper, Duration.ofSeconds(1))) {
            assertThatThrownBy(() -> refused.flowRun(Ids.newId()))
                    .isExactlyInstanceOf(WeirException.class)
                    .hasMessageContaining("Could not reach the Weir API")
                    .hasMessageContaining("after 6 attempts")
                    .hasMessageContaining(nobody.toString());
        }
        assertThat(sleeper.sleeps).hasSize(5);
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost:4200/api", "ftp://example.com/api", "http://127.0.0.1:4200", "http:///api",
            "http://127.0.0.1:4200/api?x=1", "not a url"})
    void refusesAnApiUrlThatIsNotOfTheExpectedForm(String url) {
        assertThatThrownBy(() -> HttpOrchestrator.fromEnvironment(Map.of("WEIR_API_URL", url)))
                .isInstanceOf(WeirException.class)
                .hasMessageContaining("WEIR_API_URL")
                .hasMessageContaining("'" + url + "'")
                .hasMessageContaining("http(s)://host:port/api");
    }

    @Test
    void takesTheApiUrlAndKeyFromTheEnvironment() {
        try (HttpOrchestrator fromEnv = HttpOrchestrator.fromEnvironment(
                Map.of("WEIR_API_URL", api.url() + "/", "WEIR_API_KEY", "k3y"))) {
            assertThat(fromEnv.apiUrl()).isEqualTo(api.url());
            assertThat(fromEnv.flowRun(Ids.newId())).isEmpty();
        }
        assertThat(api.requests().getFirst().header("Authorization")).isEqualTo("Bearer k3y");
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static <T> T read(String json, TypeReference<T> type) {
        try {
            return Json.mapper().readValue(json, type);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
