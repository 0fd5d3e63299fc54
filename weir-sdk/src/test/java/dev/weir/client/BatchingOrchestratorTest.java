package dev.weir.client;

import static dev.weir.client.Records.T0;
import static dev.weir.client.Records.aFlowRunCreate;
import static dev.weir.client.Records.aLog;
import static dev.weir.client.Records.aTaskRun;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.weir.client.Records.RecordingSleeper;
import dev.weir.core.Ids;
import dev.weir.orchestrator.FlowRunCreate;
import dev.weir.run.RunLog;
import dev.weir.run.TaskRun;
import dev.weir.state.State;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BatchingOrchestratorTest {

    private static final BatchingOptions NEVER_ON_ITS_OWN = BatchingOptions.ofDefaults().withFlushInterval(Duration.ofHours(1));

    private final RecordingOrchestrator delegate = new RecordingOrchestrator();
    private final RecordingSleeper sleeper = new RecordingSleeper();
    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    private final PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);
    private final UUID flowRunId = Ids.newId();
    private BatchingOrchestrator batching;

    private BatchingOrchestrator batching(BatchingOptions options) {
        batching = BatchingOrchestrator.start(delegate, options, sleeper, err);
        return batching;
    }

    @AfterEach
    void close() {
        if (batching != null) {
            batching.close();
        }
    }

    private String err() {
        return errBytes.toString(StandardCharsets.UTF_8);
    }

    private TaskRun task(String name) {
        return aTaskRun(name, flowRunId, State.running(T0));
    }

    @Test
    void recordingReturnsBeforeAnythingIsSentAndFlushSendsItAll() {
        BatchingOrchestrator orchestrator = batching(NEVER_ON_ITS_OWN);
        orchestrator.recordTaskRun(task("a"));
        orchestrator.recordTaskRun(task("b"));
        orchestrator.recordLog(aLog(flowRunId, "one"));
        orchestrator.recordLog(aLog(flowRunId, "two"));

        assertThat(delegate.calls).isEmpty();
        orchestrator.flush();

        assertThat(delegate.calls).containsExactly("taskRuns [a:Running, b:Running]", "logs [one, two]", "flush");
    }

    @Test
    void sendsWhatIsQueuedEveryIntervalWithoutBeingAsked() {
        BatchingOrchestrator orchestrator = batching(BatchingOptions.ofDefaults().withFlushInterval(Duration.ofMillis(50)));
        orchestrator.recordTaskRuns(List.of(task("a"), task("b"), task("c")));

        await().atMost(Duration.ofSeconds(5)).until(() -> !delegate.calls.isEmpty());
        assertThat(delegate.calls).containsExactly("taskRuns [a:Running, b:Running, c:Running]");

        orchestrator.recordLogs(List.of(aLog(flowRunId, "one"), aLog(flowRunId, "two")));
        await().atMost(Duration.ofSeconds(5)).until(() -> delegate.calls.size() == 2);
        assertThat(delegate.calls).last().isEqualTo("logs [one, two]");
    }

    @Test
    void sendsAFullBatchOfTaskRunsAtOnceAndKeepsTheRestForLater() {
        BatchingOrchestrator orchestrator = batching(NEVER_ON_ITS_OWN.withMaxTaskRunBatch(3));
        IntStream.range(0, 7).forEach(i -> orchestrator.recordTaskRun(task("t" + i)));

        await().atMost(Duration.ofSeconds(5)).until(() -> delegate.taskRunBatches.size() == 2);
        assertThat(delegate.taskRunBatches).map(List::size).containsExactly(3, 3);

        orchestrator.flush();
        assertThat(delegate.allTaskRuns()).map(TaskRun::name)
                .containsExactly("t0", "t1", "t2", "t3", "t4", "t5", "t6");
        assertThat(delegate.taskRunBatches).map(List::size).containsExactly(3, 3, 1);
    }

    @Test
    void sendsAFullBatchOfLogTextAtOnce() {
        BatchingOrchestrator orchestrator = batching(NEVER_ON_ITS_OWN.withMaxLogBatchChars(10));
        List.of("aaaaa", "bbbbb", "ccccc", "ddddd", "eeeee").forEach(m -> orchestrator.recordLog(aLog(flowRunId, m)));

        await().atMost(Duration.ofSeconds(5)).until(() -> delegate.logBatches.size() == 2);
        assertThat(delegate.calls).containsExactly("logs [aaaaa, bbbbb]", "logs [ccccc, ddddd]");

        orchestrator.flush();
        assertThat(delegate.sends()).last().isEqualTo("logs [eeeee]");
    }

    @Test
    void aLineLongerThanABatchTravelsAlone() {
        BatchingOrchestrator orchestrator = batching(NEVER_ON_ITS_OWN.withMaxLogBatchChars(4));
        orchestrator.recordLogs(List.of(aLog(flowRunId, "a"), aLog(flowRunId, "0123456789"), aLog(flowRunId, "b")));
        orchestrator.flush();

        assertThat(delegate.sends()).containsExactly("logs [a]", "logs [0123456789]", "logs [b]");
    }

    @Test
    void sendsEveryTaskRunUpdateInOrderAcrossManyBatches() {
        BatchingOrchestrator orchestrator = batching(NEVER_ON_ITS_OWN);
        TaskRun pending = aTaskRun("same", flowRunId, State.pending(T0));
        List<TaskRun> recorded = new java.util.ArrayList<>();
        for (int i = 0; i < 2500; i++) {
            TaskRun update = i % 3 == 0 ? pending : pending.with(i % 3 == 1 ? State.running(T0) : State.completed(T0),
                    i, T0, null, Duration.ZERO);
            recorded.add(update);
            orchestrator.recordTaskRun(update);
        }
        orchestrator.flush();

        assertThat(delegate.allTaskRuns()).containsExactlyElementsOf(recorded);
        assertThat(delegate.taskRunBatches).allSatisfy(batch -> assertThat(batch).hasSizeLessThanOrEqualTo(1000));
    }

    @Test
    void sendsTheTaskRunsOfABatchBeforeItsLines() {
        BatchingOrchestrator orchestrator = batching(NEVER_ON_ITS_OWN);
        orchestrator.recordLog(aLog(flowRunId, "about a"));
        orchestrator.recordTaskRun(task("a"));
        orchestrator.flush();

        assertThat(delegate.sends()).containsExactly("taskRuns [a:Running]", "logs [about a]");
    }

    @Test
    void flushesTaskRunsAndLinesBeforeAFinalFlowRunState() {
        BatchingOrchestrator orchestrator = batching(NEVER_ON_ITS_OWN);
        orchestrator.recordTaskRun(task("a"));
        orchestrator.recordLog(aLog(flowRunId, "done soon"));

        orchestrator.setFlowRunState(flowRunId, State.running(T0));
        assertThat(delegate.calls).containsExactly("setState Running");

        orchestrator.setFlowRunState(flowRunId, State.failed(T0, "boom"));
        assertThat(delegate.calls)
                .containsExactly("setState Running", "taskRuns [a:Running]", "logs [done soon]", "flush", "setState Failed");
    }

    @Test
    void flushesTheParentTaskRunBeforeCreatingASubflowRun() {
        BatchingOrchestrator orchestrator = batching(NEVER_ON_ITS_OWN);
        TaskRun placeholder = task("child-flow");
        orchestrator.recordTaskRun(placeholder);
        FlowRunCreate top = aFlowRunCreate();
        orchestrator.createFlowRun(top);
        assertThat(delegate.calls).containsExactly("create brave-otter");

        orchestrator.createFlowRun(new FlowRunCreate(Ids.newId(), "child", "child-flow", null, null, null,
                placeholder.id(), null, State.pending(T0)));
        assertThat(delegate.sends()).containsExactly("create brave-otter", "taskRuns [child-flow:Running]", "create child");
    }

    @Test
    void flushWaitsOnlyForWhatWasRecordedBeforeIt() {
        BatchingOrchestrator orchestrator = batching(NEVER_ON_ITS_OWN);
        orchestrator.flush();
        assertThat(delegate.calls).containsExactly("flush");

        orchestrator.recordTaskRun(task("a"));
        orchestrator.flush();
        orchestrator.flush();
        assertThat(delegate.sends()).containsExactly("taskRuns [a:Running]");
    }

    @Test
    void countsAndReportsLinesDroppedBecauseTheQueueWasFull() {
        BatchingOrchestrator orchestrator = batching(NEVER_ON_ITS_OWN.withLogQueueCapacity(3));
        UUID other = Ids.newId();
        for (int i = 0; i < 5; i++) {
            orchestrator.recordLog(aLog(flowRunId, "mine " + i));
        }
        orchestrator.recordLog(aLog(other, "theirs 0"));
        orchestrator.recordLog(aLog(other, "theirs 1"));
        assertThat(orchestrator.droppedLogs()).isEqualTo(4);
        assertThat(delegate.calls).isEmpty();

        orchestrator.flush();

        List<RunLog> sent = delegate.allLogs();
        assertThat(sent).map(RunLog::message).containsExactly("mine 0", "mine 1", "mine 2",
                "2 log lines were dropped because the log queue was full",
                "2 log lines were dropped because the log queue was full");
        assertThat(sent.subList(3, 5)).map(RunLog::flowRunId).containsExactly(flowRunId, other);
        assertThat(sent.subList(3, 5)).allSatisfy(line -> assertThat(line.level()).isEqualTo("WARN"));
        assertThat(err()).containsOnlyOnce("4 log lines were dropped because the log queue was full");

        orchestrator.recordLog(aLog(flowRunId, "after"));
        orchestrator.flush();
        assertThat(delegate.allLogs()).map(RunLog::message).last().isEqualTo("after");
        assertThat(err()).containsOnlyOnce("were dropped");
        assertThat(orchestrator.droppedLogs()).isEqualTo(4);
    }

    @Test
    void countsAndReportsABatchTheDelegateKeepsRefusingWithoutThrowing() {
        BatchingOrchestrator orchestrator = batching(NEVER_ON_ITS_OWN);
        delegate.failuresToCome.set(BatchingOrchestrator.DELIVERY_ATTEMPTS);
        orchestrator.recordTaskRuns(List.of(task("a"), task("b")));

        orchestrator.flush();

        assertThat(orchestrator.failedTaskRuns()).isEqualTo(2);
        assertThat(orchestrator.failedLogs()).isZero();
        assertThat(delegate.taskRunBatches).isEmpty();
        assertThat(sleeper.sleeps).hasSize(BatchingOrchestrator.DELIVERY_ATTEMPTS - 1);
        assertThat(err()).contains("could not record a batch of 2 task runs after 3 attempts")
                .contains("server on fire");

        orchestrator.recordLog(aLog(flowRunId, "still here"));
        orchestrator.flush();
        assertThat(delegate.sends()).containsExactly("logs [still here]");
    }

    @Test
    void retriesABatchTheDelegateRefusedOnce() {
        BatchingOrchestrator orchestrator = batching(NEVER_ON_ITS_OWN);
        delegate.failuresToCome.set(1);
        orchestrator.recordLog(aLog(flowRunId, "second time lucky"));

        orchestrator.flush();

        assertThat(delegate.sends()).containsExactly("logs [second time lucky]");
        assertThat(orchestrator.failedLogs()).isZero();
        assertThat(err()).isEmpty();
    }

    @Test
    void closeSendsEverythingThenClosesTheDelegateAndCountsLateRecords() {
        BatchingOrchestrator orchestrator = batching(NEVER_ON_ITS_OWN);
        orchestrator.recordTaskRun(task("a"));
        orchestrator.recordLog(aLog(flowRunId, "bye"));

        orchestrator.close();
        orchestrator.close();

        assertThat(delegate.calls).containsExactly("taskRuns [a:Running]", "logs [bye]", "close");
        orchestrator.recordTaskRun(task("late"));
        orchestrator.recordLog(aLog(flowRunId, "late"));
        orchestrator.flush();
        assertThat(orchestrator.failedTaskRuns()).isEqualTo(1);
        assertThat(orchestrator.droppedLogs()).isEqualTo(1);
        assertThat(delegate.calls).hasSize(3);
        assertThat(err()).containsOnlyOnce("after the orchestrator was closed");
    }
}
