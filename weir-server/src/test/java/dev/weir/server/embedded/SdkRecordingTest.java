package dev.weir.server.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weir.Flow;
import dev.weir.FlowRunException;
import dev.weir.Task;
import dev.weir.TaskFuture;
import dev.weir.Weir;
import dev.weir.WeirRuntime;
import dev.weir.client.HttpOrchestrator;
import dev.weir.client.Orchestrators;
import dev.weir.orchestrator.Orchestrator;
import dev.weir.run.TaskRun;
import dev.weir.server.ServerConfig;
import dev.weir.server.WeirServer;
import dev.weir.server.store.Database;
import dev.weir.server.store.EventFilter;
import dev.weir.server.store.FlowRunFilter;
import dev.weir.server.store.FlowRunRecord;
import dev.weir.server.store.FlowRunSort;
import dev.weir.server.store.LogFilter;
import dev.weir.server.store.Page;
import dev.weir.state.StateType;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real flows recorded durably: through the HTTP API of a real server, and embedded in the local database. */
class SdkRecordingTest {

    @TempDir
    Path home;

    public static class Pipeline {
        final AtomicInteger attempts = new AtomicInteger();

        @Task(retries = 2)
        int flaky(int x) {
            if (attempts.incrementAndGet() < 2) {
                throw new IllegalStateException("transient");
            }
            return x * 2;
        }

        @Task
        int explode() {
            throw new IllegalArgumentException("bad row 17");
        }

        @Flow(name = "pipeline")
        int run(int x) {
            List<TaskFuture<Integer>> doubled = Weir.map(this::flaky, List.of(x, x + 1));
            Weir.logger().info("doubled {} values", doubled.size());
            return Weir.results(doubled).stream().mapToInt(Integer::intValue).sum();
        }

        @Flow(name = "broken")
        int broken() {
            return explode();
        }
    }

    private void runFlows(Function<Database, Orchestrator> orchestrator, Database database) {
        try (WeirRuntime weir = Weir.configure(c -> c.orchestrator(Orchestrators.batching(orchestrator.apply(database))))) {
            Pipeline pipeline = weir.flows(Pipeline.class);
            assertThat(pipeline.run(5)).isEqualTo(22);
            assertThatThrownBy(pipeline::broken).isInstanceOf(FlowRunException.class);
        }
    }

    private void assertRecorded(Database database) {
        List<FlowRunRecord> runs = database.flowRuns().list(FlowRunFilter.all(), FlowRunSort.CREATED_ASC, Page.DEFAULT);
        assertThat(runs).extracting(r -> r.run().flowName() + ":" + r.run().state().type())
                .containsExactly("pipeline:COMPLETED", "broken:FAILED");
        List<TaskRun> tasks = database.taskRuns().listByFlowRun(runs.getFirst().id());
        assertThat(tasks).hasSize(2).allSatisfy(t -> assertThat(t.state().type()).isEqualTo(StateType.COMPLETED));
        assertThat(tasks.stream().mapToInt(TaskRun::runCount).sum()).as("one task retried once").isEqualTo(3);
        List<TaskRun> broken = database.taskRuns().listByFlowRun(runs.get(1).id());
        assertThat(broken).singleElement().satisfies(t -> assertThat(t.state().message()).contains("bad row 17"));
        assertThat(database.logs().list(LogFilter.ofFlowRun(runs.get(1).id()), Page.DEFAULT))
                .anySatisfy(l -> assertThat(l.log().message()).contains("IllegalArgumentException: bad row 17"));
        assertThat(database.logs().list(LogFilter.ofFlowRun(runs.getFirst().id()), Page.DEFAULT))
                .anySatisfy(l -> assertThat(l.log().message()).isEqualTo("doubled 2 values"));
        assertThat(database.events().count(EventFilter.all().withNamePrefix("weir.flow-run."))).isGreaterThanOrEqualTo(6);
        assertThat(database.events().count(EventFilter.all().withNamePrefix("weir.task-run."))).isGreaterThanOrEqualTo(8);
    }

    @Test
    void flowsRunAgainstARealServerAreRecordedWithTheirTaskRunsLogsAndEvents() {
        try (Database database = Database.open("jdbc:sqlite:" + home.resolve("weir.db"));
                WeirServer server = WeirServer.start(ServerConfig.defaults().withPort(0), database)) {
            runFlows(db -> HttpOrchestrator.create(server.apiUrl(), Optional.empty()), database);
            assertRecorded(database);
        }
    }

    @Test
    void flowsRunAgainstAServerOnPostgresqlAreRecordedTheSameWay() throws Exception {
        try (io.zonky.test.db.postgres.embedded.EmbeddedPostgres postgres =
                        io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder().start();
                Database database = Database.open(postgres.getJdbcUrl("postgres", "postgres"));
                WeirServer server = WeirServer.start(ServerConfig.defaults().withPort(0), database)) {
            runFlows(db -> HttpOrchestrator.create(server.apiUrl(), Optional.empty()), database);
            assertRecorded(database);
        }
    }

    @Test
    void flowsRunEmbeddedAreRecordedInTheLocalDatabase() {
        String url = "jdbc:sqlite:" + home.resolve("weir.db");
        runFlows(db -> EmbeddedOrchestrator.open(url), null);
        try (Database database = Database.open(url)) {
            assertRecorded(database);
        }
    }

    @Test
    void aPlainMainWithoutAServerRecordsItsRunsInWeirHomeAndFlushesOnExit() throws Exception {
        ProcessBuilder builder = new ProcessBuilder(ProcessHandle.current().info().command().orElseThrow(),
                "-cp", System.getProperty("java.class.path"), PlainMain.class.getName())
                .redirectErrorStream(true);
        builder.environment().put("WEIR_HOME", home.toString());
        builder.environment().remove("WEIR_API_URL");
        builder.environment().remove("WEIR_DATABASE_URL");
        Process child = builder.start();
        String output = new String(child.getInputStream().readAllBytes());
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).as(output).isZero();
        try (Database database = Database.open("jdbc:sqlite:" + home.resolve("weir.db"))) {
            assertRecorded(database);
        }
    }

    /** A main() that uses the default runtime, as a user's program would. */
    public static final class PlainMain {
        public static void main(String[] args) {
            Pipeline pipeline = Weir.flows(Pipeline.class);
            pipeline.run(5);
            try {
                pipeline.broken();
            } catch (FlowRunException expected) {
                System.out.println("broken failed as expected");
            }
        }
    }
}
