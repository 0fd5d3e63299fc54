package dev.weir.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weir.core.Json;
import dev.weir.state.StateType;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FlowRunCommandTest {

    @TempDir
    Path home;

    private TestApi api;
    private Cli cli;

    @BeforeEach
    void start() {
        api = TestApi.start(home, false);
        cli = new Cli(Map.of("WEIR_HOME", home.toString(), "WEIR_API_URL", api.apiUrl().toString()));
    }

    @AfterEach
    void stop() {
        api.close();
    }

    private UUID completedRun(String name, String flow) {
        return api.flowRun(name, flow, StateType.RUNNING, StateType.COMPLETED);
    }

    @Test
    void lsPrintsATableOfRunsFilteredByStateAndFlow() {
        UUID done = completedRun("crimson-otter", "etl");
        UUID running = api.flowRun("amber-heron", "etl", StateType.RUNNING);
        UUID other = completedRun("quiet-lynx", "report");

        Cli.Result all = cli.run("flow-run", "ls");
        assertThat(all.exitCode()).as(all.err()).isZero();
        assertThat(all.out().lines().findFirst().orElseThrow())
                .containsSubsequence("ID", "NAME", "FLOW", "STATE", "START TIME", "DURATION");
        assertThat(all.out()).contains(done.toString(), running.toString(), other.toString());

        Cli.Result completed = cli.run("flow-run", "ls", "--state", "completed");
        assertThat(completed.out()).contains(done.toString(), other.toString()).doesNotContain(running.toString());

        Cli.Result etlCompleted = cli.run("flow-run", "ls", "--state", "COMPLETED", "--flow", "etl");
        assertThat(etlCompleted.out()).contains(done.toString(), "crimson-otter", "Completed")
                .doesNotContain(other.toString(), running.toString());

        Cli.Result runningOrCompletedReports = cli.run("flow-run", "ls", "--flow", "report", "--state", "RUNNING",
                "--state", "COMPLETED");
        assertThat(runningOrCompletedReports.out()).contains(other.toString()).doesNotContain(done.toString());
    }

    @Test
    void lsHonoursLimitSortAndSince() {
        completedRun("b-run", "etl");
        completedRun("a-run", "etl");

        Cli.Result byName = cli.run("flow-run", "ls", "--sort", "name_asc", "--limit", "1");
        assertThat(byName.out()).contains("a-run").doesNotContain("b-run");
        assertThat(cli.run("flow-run", "ls", "--since", "1h").out()).contains("a-run", "b-run");
        assertThat(cli.run("flow-run", "ls", "--since", "2999-01-01").out()).isEqualTo("No flow runs match.\n");
    }

    @Test
    void badFiltersAreUsageErrorsOnOneLine() {
        Cli.Result state = cli.run("flow-run", "ls", "--state", "DONE");
        Cli.Result since = cli.run("flow-run", "ls", "--since", "yesterday");
        Cli.Result limit = cli.run("flow-run", "ls", "--limit", "0");

        assertThat(state.exitCode()).isEqualTo(2);
        assertThat(state.err()).startsWith("error: ").contains("COMPLETED").hasLineCount(1);
        assertThat(since.exitCode()).isEqualTo(2);
        assertThat(since.err()).isEqualTo("error: --since expects an age such as 30m, 2h or 7d, or an ISO time such as"
                + " 2026-01-31T08:00:00Z or 2026-01-31; got 'yesterday'\n");
        assertThat(limit.exitCode()).isEqualTo(2);
        assertThat(limit.err()).contains("--limit must be between 1 and 1000, got 0");
    }

    @Test
    void inspectPrintsTheRunItsStatesAndTaskRunsAsJson() throws Exception {
        UUID run = completedRun("crimson-otter", "etl");
        UUID task = api.taskRun(run, "fetch-0");

        Cli.Result result = cli.run("flow-run", "inspect", run.toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode json = Json.mapper().readTree(result.out());
        assertThat(json.get("flowRun").get("id").asText()).isEqualTo(run.toString());
        assertThat(json.get("flowRun").get("flowName").asText()).isEqualTo("etl");
        assertThat(json.get("states")).extracting(state -> state.get("type").asText())
                .containsExactly("PENDING", "RUNNING", "COMPLETED");
        assertThat(json.get("taskRuns")).singleElement().satisfies(t -> assertThat(t.get("id").asText()).isEqualTo(task.toString()));
    }

    @Test
    void anUnknownRunIsAnApiErrorWithExitCode1() {
        UUID missing = UUID.randomUUID();

        Cli.Result result = cli.run("flow-run", "inspect", missing.toString());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).isEqualTo("error: No flow run with id " + missing + "\n");
        assertThat(cli.run("flow-run", "inspect", "not-an-id").exitCode()).isEqualTo(2);
    }

    @Test
    void logsPrintTimeLevelTaskAndMessageFromTheLevelAsked() {
        UUID run = api.flowRun("crimson-otter", "etl", StateType.RUNNING);
        UUID task = api.taskRun(run, "fetch-0");
        api.log(run, task, "INFO", "fetched 10 rows");
        api.log(run, null, "WARN", "slow source");
        api.log(run, task, "DEBUG", "details");

        Cli.Result all = cli.run("flow-run", "logs", run.toString());
        Cli.Result warnings = cli.run("flow-run", "logs", run.toString(), "--level", "warn");

        assertThat(all.exitCode()).as(all.err()).isZero();
        assertThat(all.out().lines().toList()).hasSize(3).satisfiesExactly(
                line -> assertThat(line).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z INFO  \\[fetch-0] fetched 10 rows"),
                line -> assertThat(line).endsWith(" WARN  slow source"),
                line -> assertThat(line).endsWith(" DEBUG [fetch-0] details"));
        assertThat(warnings.out().lines().toList()).singleElement().satisfies(line -> assertThat(line).endsWith("slow source"));
        assertThat(cli.run("flow-run", "logs", run.toString(), "--level", "LOUD").exitCode()).isEqualTo(2);
    }

    @Test
    void logsFollowPrintsNewLinesUntilTheRunIsFinal() throws Exception {
        UUID run = api.flowRun("crimson-otter", "etl", StateType.RUNNING);
        api.log(run, null, "INFO", "first");

        Cli.Running follow = cli.start("flow-run", "logs", run.toString(), "--follow");
        await().atMost(Duration.ofSeconds(10)).until(() -> follow.stdout().contains("first"));
        UUID task = api.taskRun(run, "load-0");
        api.log(run, task, "INFO", "second");
        await().atMost(Duration.ofSeconds(10)).until(() -> follow.stdout().contains("[load-0] second"));
        api.log(run, null, "INFO", "last words");
        api.setState(run, StateType.COMPLETED);

        assertThat(follow.await()).as(follow.stderr()).isZero();
        assertThat(follow.stdout().lines().toList()).hasSize(3).last().satisfies(line -> assertThat(line).endsWith("last words"));
        assertThat(follow.stderr()).isEqualTo("Flow run 'crimson-otter' is Completed.\n");
    }

    @Test
    void deleteAsksFirstAndDeletesOnlyOnYes() {
        UUID run = completedRun("crimson-otter", "etl");

        Cli.Result declined = cli.runWithInput("n\n", "flow-run", "delete", run.toString());
        assertThat(declined.exitCode()).isEqualTo(1);
        assertThat(declined.out()).contains("Delete flow run 'crimson-otter' (" + run + ") of flow 'etl'? [y/N]");
        assertThat(cli.run("flow-run", "inspect", run.toString()).exitCode()).isZero();

        Cli.Result confirmed = cli.runWithInput("y\n", "flow-run", "delete", run.toString());
        assertThat(confirmed.exitCode()).as(confirmed.err()).isZero();
        assertThat(cli.run("flow-run", "inspect", run.toString()).exitCode()).isEqualTo(1);
    }

    @Test
    void deleteWithYesAsksNothing() {
        UUID run = completedRun("crimson-otter", "etl");

        Cli.Result result = cli.run("flow-run", "delete", run.toString(), "--yes");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).isEqualTo("Deleted flow run 'crimson-otter' (" + run + ") of flow 'etl'.\n");
        assertThat(cli.run("flow-run", "ls").out()).isEqualTo("No flow runs match.\n");
    }

    @Test
    void cancelEndsAnUnstartedRunAtOnceAndLeavesARunningOneCancellingForItsWorker() {
        UUID scheduled = api.flowRun("crimson-otter", "etl", StateType.SCHEDULED);
        UUID running = api.flowRun("amber-heron", "etl", StateType.RUNNING);

        Cli.Result unstarted = cli.run("flow-run", "cancel", scheduled.toString());
        Cli.Result started = cli.run("flow-run", "cancel", running.toString());

        assertThat(unstarted.exitCode()).as(unstarted.err()).isZero();
        assertThat(unstarted.out()).isEqualTo("Flow run 'crimson-otter' (" + scheduled + ") is Cancelled.\n");
        assertThat(started.exitCode()).as(started.err()).isZero();
        assertThat(started.out()).isEqualTo("Flow run 'amber-heron' (" + running + ") is Cancelling; its worker is"
                + " stopping its processes.\n");
        assertThat(cli.run("flow-run", "ls", "--state", "CANCELLED").out()).contains(scheduled.toString())
                .doesNotContain(running.toString());
    }

    @Test
    void cancelOfAFinalOrUnknownRunFailsSayingWhy() {
        UUID done = completedRun("crimson-otter", "etl");
        UUID missing = UUID.randomUUID();

        Cli.Result finished = cli.run("flow-run", "cancel", done.toString());
        Cli.Result unknown = cli.run("flow-run", "cancel", missing.toString());

        assertThat(finished.exitCode()).isEqualTo(1);
        assertThat(finished.err()).isEqualTo("error: Flow run 'crimson-otter' (" + done + ") is Completed, which is final:"
                + " only a run that has not ended can be cancelled\n");
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.err()).isEqualTo("error: No flow run with id " + missing + "\n");
    }

    @Test
    void resumeOfAPausedRunSendsTheInputAndPrintsTheNewState() {
        UUID run = api.flowRun("crimson-otter", "etl", StateType.RUNNING, StateType.PAUSED);

        Cli.Result result = cli.run("flow-run", "resume", run.toString(), "--input", "{\"approved\": true}");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).startsWith("Flow run 'crimson-otter' (" + run + ") is ").doesNotContain("Paused");
    }

    @Test
    void resumeRefusesARunThatIsNotPausedAndInputThatIsNotAJsonObject() {
        UUID running = api.flowRun("crimson-otter", "etl", StateType.RUNNING);

        Cli.Result notPaused = cli.run("flow-run", "resume", running.toString());
        Cli.Result badInput = cli.run("flow-run", "resume", running.toString(), "--input", "{approved");
        Cli.Result notObject = cli.run("flow-run", "resume", running.toString(), "--input", "[1]");

        assertThat(notPaused.exitCode()).isEqualTo(1);
        assertThat(notPaused.err()).isEqualTo("error: Flow run 'crimson-otter' (" + running + ") is Running: only a Paused"
                + " or Suspended run can be resumed\n");
        assertThat(badInput.exitCode()).isEqualTo(2);
        assertThat(badInput.err()).startsWith("error: --input is not valid JSON").hasLineCount(1);
        assertThat(notObject.exitCode()).isEqualTo(2);
        assertThat(notObject.err()).contains("--input must be a JSON object");
    }

    @Test
    void flowLsListsFlowsByName() {
        completedRun("crimson-otter", "etl");
        completedRun("quiet-lynx", "report");

        Cli.Result result = cli.run("flow", "ls");

        assertThat(result.out().lines().toList()).hasSize(3).satisfies(lines -> {
            assertThat(lines.get(0)).containsSubsequence("NAME", "ID", "CREATED");
            assertThat(lines.get(1)).startsWith("etl ");
            assertThat(lines.get(2)).startsWith("report ");
        });
    }

    @Test
    void withoutAnApiUrlCommandsReadTheLocalDatabase() {
        UUID run = completedRun("crimson-otter", "etl");
        api.close();
        Cli local = new Cli(Map.of("WEIR_HOME", home.toString()));

        Cli.Result result = local.run("flow-run", "ls", "--state", "COMPLETED");
        Cli.Result deleted = local.run("flow-run", "delete", "--yes", run.toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains(run.toString(), "crimson-otter");
        assertThat(deleted.exitCode()).as(deleted.err()).isZero();
        assertThat(local.run("flow-run", "ls").out()).isEqualTo("No flow runs match.\n");
        api = TestApi.start(home, false);
    }

    @Test
    void anUnreachableApiNamesTheUrlAndHowToStartAServer() {
        String url = api.apiUrl().toString();
        api.close();

        Cli.Result result = cli.run("flow-run", "ls");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).startsWith("error: Cannot reach the Weir API at " + url + " (connection refused).")
                .contains("weir server start").hasLineCount(1);
        api = TestApi.start(home, false);
    }
}
