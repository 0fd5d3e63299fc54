package dev.weir.server.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.Flow;
import dev.weir.Task;
import dev.weir.Weir;
import dev.weir.WeirRuntime;
import dev.weir.client.HttpOrchestrator;
import dev.weir.client.Orchestrators;
import dev.weir.run.TaskRun;
import dev.weir.server.ServerConfig;
import dev.weir.server.WeirServer;
import dev.weir.server.store.Database;
import dev.weir.server.store.FlowRunFilter;
import dev.weir.server.store.FlowRunRecord;
import dev.weir.server.store.FlowRunSort;
import dev.weir.server.store.LogFilter;
import dev.weir.server.store.Page;
import dev.weir.state.StateType;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The API down for 30 seconds while a flow runs: the flow completes and its history arrives once the server is back. */
class ServerOutageTest {

    @TempDir
    Path home;

    /** A flow that pauses between its tasks until the test has taken the server down. */
    public static class Pipeline {
        static final CountDownLatch SERVER_DOWN = new CountDownLatch(1);
        static final CountDownLatch STARTED = new CountDownLatch(1);

        @Task
        String before() {
            return "before";
        }

        @Task
        String after(String previous) {
            Weir.logger().info("ran while the server was down, after {}", previous);
            return previous + "+after";
        }

        @Flow(name = "outage")
        String run() throws InterruptedException {
            String first = before();
            STARTED.countDown();
            SERVER_DOWN.await(60, TimeUnit.SECONDS);
            return after(first);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Test
    void aFlowOutlivesA30SecondOutageAndItsHistoryArrivesWhenTheServerIsBack() throws Exception {
        String url = "jdbc:sqlite:" + home.resolve("weir.db");
        ServerConfig config = ServerConfig.defaults().withPort(freePort()).withDatabaseUrl(url);
        WeirServer first = WeirServer.start(config);
        URI api = first.apiUrl();
        AtomicReference<WeirServer> second = new AtomicReference<>();

        CompletableFuture<String> result;
        try (WeirRuntime weir = Weir.configure(c -> c.orchestrator(
                Orchestrators.batching(HttpOrchestrator.create(api, Optional.empty()))))) {
            Pipeline pipeline = weir.flows(Pipeline.class);
            result = CompletableFuture.supplyAsync(() -> {
                try {
                    return pipeline.run();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
            assertThat(Pipeline.STARTED.await(30, TimeUnit.SECONDS)).isTrue();
            first.close();
            CompletableFuture.delayedExecutor(30, TimeUnit.SECONDS).execute(() -> second.set(WeirServer.start(config)));
            Pipeline.SERVER_DOWN.countDown();

            assertThat(result.get(150, TimeUnit.SECONDS)).isEqualTo("before+after");
        } finally {
            if (second.get() != null) {
                second.get().close();
            }
        }

        try (Database database = Database.open(url)) {
            List<FlowRunRecord> runs = database.flowRuns().list(FlowRunFilter.all(), FlowRunSort.CREATED_ASC, Page.DEFAULT);
            assertThat(runs).singleElement().satisfies(run -> assertThat(run.run().state().type()).isEqualTo(StateType.COMPLETED));
            List<TaskRun> tasks = database.taskRuns().listByFlowRun(runs.getFirst().id());
            assertThat(tasks).extracting(TaskRun::name).containsExactlyInAnyOrder("before-0", "after-1");
            assertThat(tasks).allSatisfy(t -> assertThat(t.state().type()).isEqualTo(StateType.COMPLETED));
            assertThat(database.logs().list(LogFilter.ofFlowRun(runs.getFirst().id()), Page.DEFAULT))
                    .anySatisfy(l -> assertThat(l.log().message()).isEqualTo("ran while the server was down, after before"));
        }
    }
}
