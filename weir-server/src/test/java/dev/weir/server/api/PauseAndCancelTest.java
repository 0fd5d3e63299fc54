package dev.weir.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.weir.Flow;
import dev.weir.FlowRunException;
import dev.weir.Weir;
import dev.weir.WeirRuntime;
import dev.weir.client.HttpOrchestrator;
import dev.weir.client.Orchestrators;
import dev.weir.server.ServerConfig;
import dev.weir.server.WeirServer;
import dev.weir.server.store.Database;
import dev.weir.server.store.FlowRunFilter;
import dev.weir.server.store.FlowRunRecord;
import dev.weir.server.store.FlowRunSort;
import dev.weir.server.store.Page;
import dev.weir.state.State;
import dev.weir.state.StateType;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real server; flows that pause for typed input and are resumed over the API, and flows cancelled while they run. */
class PauseAndCancelTest {

    @TempDir
    Path home;

    private Database database;
    private WeirServer server;
    private WeirRuntime weir;

    public record Approval(boolean approved, String by) {}

    public static class Approvals {
        static final AtomicBoolean CANCEL_HOOK = new AtomicBoolean();

        @Flow(name = "approve")
        String approve(int amount) {
            Approval approval = Weir.pause(Approval.class, Duration.ofMinutes(5));
            return (approval.approved() ? "approved" : "refused") + " by " + approval.by() + " for " + amount;
        }

        @Flow(name = "short-pause")
        void shortPause() {
            Weir.pause(Duration.ofMillis(1500));
        }

        @Flow(name = "endless", onCancellation = "cancelled")
        void endless() throws InterruptedException {
            while (true) {
                Thread.sleep(50);
            }
        }

        void cancelled(State state) {
            CANCEL_HOOK.set(true);
        }
    }

    @BeforeEach
    void start() {
        database = Database.open("jdbc:sqlite:" + home.resolve("weir.db"));
        server = WeirServer.start(ServerConfig.defaults().withPort(0), database);
        weir = Weir.configure(c -> c.runHeartbeat(Duration.ofMillis(200))
                .orchestrator(Orchestrators.batching(HttpOrchestrator.create(server.apiUrl(), Optional.empty()))));
    }

    @AfterEach
    void stop() {
        weir.close();
        server.close();
        database.close();
    }

    private FlowRunRecord onlyRun(String flow) {
        List<FlowRunRecord> runs = database.flowRuns().list(FlowRunFilter.all().withFlowNames(flow), FlowRunSort.CREATED_ASC,
                Page.DEFAULT);
        assertThat(runs).hasSize(1);
        return runs.getFirst();
    }

    private FlowRunRecord awaitState(String flow, StateType type) {
        await().atMost(Duration.ofSeconds(20)).until(() -> database.flowRuns()
                .list(FlowRunFilter.all().withFlowNames(flow), FlowRunSort.CREATED_ASC, Page.DEFAULT).stream()
                .anyMatch(r -> r.run().state().type() == type));
        return onlyRun(flow);
    }

    @Test
    void aFlowPausedForTypedInputGoesOnWithTheInputOfItsResume() {
        Approvals flows = weir.flows(Approvals.class);
        CompletableFuture<String> result = CompletableFuture.supplyAsync(() -> flows.approve(120));
        FlowRunRecord paused = awaitState("approve", StateType.PAUSED);
        assertThat(paused.run().state().details().pause().inputSchema()).containsKey("properties");

        TestClient client = new TestClient(server.apiUrl());
        assertThat(client.post("/flow_runs/" + paused.id() + "/resume", Map.of("runInput", Map.of("by", "ana"))).status())
                .as("approved is required").isEqualTo(422);
        assertThat(client.post("/flow_runs/" + paused.id() + "/resume",
                Map.of("runInput", Map.of("approved", true, "by", "ana"))).status()).isEqualTo(200);

        assertThat(result.join()).isEqualTo("approved by ana for 120");
        FlowRunRecord done = onlyRun("approve");
        assertThat(done.run().state().type()).isEqualTo(StateType.COMPLETED);
        assertThat(done.run().runCount()).isEqualTo(1);
        assertThat(database.flowRuns().states(done.id())).extracting(s -> s.state().type())
                .containsSubsequence(StateType.RUNNING, StateType.PAUSED, StateType.RUNNING, StateType.COMPLETED);
    }

    @Test
    void aPauseNobodyResumesFailsTheRunAtItsTimeout() {
        Approvals flows = weir.flows(Approvals.class);
        assertThatThrownBy(flows::shortPause).isInstanceOf(FlowRunException.class);
        FlowRunRecord run = onlyRun("short-pause");
        assertThat(run.run().state().type()).isEqualTo(StateType.FAILED);
        assertThat(run.run().state().message()).contains("not resumed within");
    }

    @Test
    void aRunningFlowCancelledThroughTheApiStopsInItsProcessAndEndsCancelled() {
        Approvals.CANCEL_HOOK.set(false);
        Approvals flows = weir.flows(Approvals.class);
        CompletableFuture<Void> result = CompletableFuture.runAsync(() -> {
            try {
                flows.endless();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        FlowRunRecord running = awaitState("endless", StateType.RUNNING);
        TestClient client = new TestClient(server.apiUrl());
        assertThat(client.post("/flow_runs/" + running.id() + "/cancel", null).status()).isEqualTo(200);

        assertThatThrownBy(result::join).hasCauseInstanceOf(FlowRunException.class);
        FlowRunRecord cancelled = onlyRun("endless");
        assertThat(cancelled.run().state().type()).isEqualTo(StateType.CANCELLED);
        assertThat(Approvals.CANCEL_HOOK).as("the on-cancellation hook ran").isTrue();
    }
}
