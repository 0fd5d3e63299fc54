package dev.weir.server.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.Flow;
import dev.weir.Task;
import dev.weir.core.Ids;
import dev.weir.orchestrator.FlowRunCreate;
import dev.weir.run.FlowRun;
import dev.weir.run.RetryPolicy;
import dev.weir.server.ServerConfig;
import dev.weir.server.WeirServer;
import dev.weir.server.orchestration.FlowRunOrchestrator;
import dev.weir.server.store.Database;
import dev.weir.state.State;
import dev.weir.state.StateType;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A deployment's flow run executed by a child JVM, as a worker will start it, against a real server. */
class FlowRunMainTest {

    @TempDir
    Path home;

    public static class Report {
        @Task
        int count(String region, LocalDate day) {
            return region.length() + day.getDayOfMonth();
        }

        @Flow(name = "daily-report")
        int daily(String region, LocalDate day) {
            return count(region, day);
        }
    }

    private record Child(int exit, String output) {}

    private Child execute(WeirServer server, UUID runId) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(ProcessHandle.current().info().command().orElseThrow(),
                "-cp", System.getProperty("java.class.path"), "dev.weir.worker.FlowRunMain", runId.toString(),
                Report.class.getName() + "#daily")
                .redirectErrorStream(true);
        builder.environment().put("WEIR_API_URL", server.apiUrl().toString());
        builder.environment().put("WEIR_HOME", home.toString());
        Process child = builder.start();
        String output = new String(child.getInputStream().readAllBytes());
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Child(child.exitValue(), output);
    }

    private UUID scheduledRun(Database database, Map<String, Object> parameters) {
        UUID id = Ids.newId();
        new FlowRunOrchestrator(database, InstantSource.system(), () -> {}).create(new FlowRunCreate(id, "nightly-report",
                "daily-report", null, parameters, List.of("deployed"), null, RetryPolicy.NONE,
                State.scheduled(Instant.now(), Instant.now())), null);
        return id;
    }

    @Test
    void aChildProcessExecutesTheExistingRunWithItsParametersConverted() throws Exception {
        try (Database database = Database.open("jdbc:sqlite:" + home.resolve("weir.db"));
                WeirServer server = WeirServer.start(ServerConfig.defaults().withPort(0), database)) {
            UUID id = scheduledRun(database, Map.of("region", "emea", "day", "2026-03-05"));

            Child child = execute(server, id);

            assertThat(child.exit()).as(child.output()).isZero();
            FlowRun run = database.flowRuns().read(id).orElseThrow().run();
            assertThat(run.state().type()).isEqualTo(StateType.COMPLETED);
            assertThat(run.name()).isEqualTo("nightly-report");
            assertThat(run.runCount()).isEqualTo(1);
            assertThat(database.flowRuns().states(id)).extracting(s -> s.state().name())
                    .containsExactly("Scheduled", "Running", "Completed");
            assertThat(database.taskRuns().listByFlowRun(id)).singleElement()
                    .satisfies(t -> assertThat(t.state().type()).isEqualTo(StateType.COMPLETED));
        }
    }

    @Test
    void aParameterThatCannotBeConvertedFailsTheRunNamingIt() throws Exception {
        try (Database database = Database.open("jdbc:sqlite:" + home.resolve("weir.db"));
                WeirServer server = WeirServer.start(ServerConfig.defaults().withPort(0), database)) {
            UUID id = scheduledRun(database, Map.of("region", "emea", "day", "the fifth"));

            Child child = execute(server, id);

            assertThat(child.exit()).isEqualTo(1);
            assertThat(child.output()).contains("Parameter 'day'").contains("the fifth");
            FlowRun run = database.flowRuns().read(id).orElseThrow().run();
            assertThat(run.state().type()).isEqualTo(StateType.FAILED);
            assertThat(run.state().message()).contains("Parameter 'day'");
        }
    }
}
