package dev.weir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weir.run.FlowRun;
import dev.weir.run.RunLog;
import dev.weir.run.TaskRun;
import dev.weir.state.State;
import dev.weir.state.StateType;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class TaskRunsTest {

    private final Runs runs = new Runs();

    @AfterEach
    void close() {
        runs.close();
    }

    public static class NotForIo implements RetryCondition {
        @Override
        public boolean shouldRetry(TaskRunInfo task, Throwable failure) {
            return !(failure instanceof IOException);
        }
    }

    public static class Work {
        final AtomicInteger calls = new AtomicInteger();
        final CountDownLatch released = new CountDownLatch(1);
        volatile String mdcFlowRunId;
        volatile RunContext seen;

        @Task(retries = 4, retryDelaySeconds = {1, 10})
        int flaky(int failures) {
            if (calls.incrementAndGet() <= failures) {
                throw new IllegalStateException("failure " + calls.get());
            }
            return calls.get();
        }

        @Task(retries = 3, exponentialBackoff = 10)
        void alwaysFails() {
            calls.incrementAndGet();
            throw new IllegalStateException("never");
        }

        @Task(retries = 5, retryCondition = NotForIo.class)
        void io() throws IOException {
            calls.incrementAndGet();
            throw new IOException("disk gone");
        }

        @Task(retries = 5, retryOn = IllegalArgumentException.class)
        void wrongType() {
            calls.incrementAndGet();
            throw new UnsupportedOperationException("not retried");
        }

        @Task(timeoutSeconds = 0.2)
        void ignoresInterrupts() {
            long end = System.nanoTime() + Duration.ofSeconds(3).toNanos();
            while (System.nanoTime() < end) {
                Thread.onSpinWait();
            }
        }

        @Task(timeoutSeconds = 0.2, retries = 1)
        void blocksForever() throws InterruptedException {
            calls.incrementAndGet();
            released.await();
        }

        @Task(logPrints = true, tags = {"io", "db"}, taskRunName = "log-{label}")
        void logs(String label) {
            seen = Weir.context();
            mdcFlowRunId = MDC.get("weir.flow_run_id");
            Weir.logger().info("hello {}", label);
            System.out.println("printed " + label);
        }

        @Flow
        int flakyFlow(int failures) {
            return flaky(failures);
        }

        @Flow
        void failingFlow() {
            alwaysFails();
        }

        @Flow
        void ioFlow() throws IOException {
            io();
        }

        @Flow
        void timeoutFlow() {
            ignoresInterrupts();
        }

        @Flow
        void blockingFlow() throws InterruptedException {
            blocksForever();
        }

        @Flow(name = "logging")
        void logFlow() {
            logs("a");
        }

        @Flow
        int adHoc() {
            return Weir.task("double-it", () -> 21 * 2);
        }
    }

    @Test
    void retriesAFailingTaskUntilItSucceedsWithTheListedDelaysAndTheLastRepeating() {
        Work work = runs.flows(Work.class);

        assertThat(work.flakyFlow(3)).isEqualTo(4);
        TaskRun task = runs.taskRuns(runs.onlyFlowRun()).getFirst();
        assertThat(task.runCount()).isEqualTo(4);
        assertThat(runs.stateNames(task)).containsExactly("Pending", "Running", "AwaitingRetry", "Retrying",
                "AwaitingRetry", "Retrying", "AwaitingRetry", "Retrying", "Completed");
        assertThat(runs.time.sleeps()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(10), Duration.ofSeconds(10));
    }

    @Test
    void retriesRunOutAfterTheirCountWithExponentialBackoff() {
        Work work = runs.flows(Work.class);

        assertThatThrownBy(work::failingFlow).isInstanceOf(FlowRunException.class);
        assertThat(work.calls).hasValue(4);
        assertThat(runs.time.sleeps()).containsExactly(Duration.ofSeconds(10), Duration.ofSeconds(20), Duration.ofSeconds(40));
    }

    @Test
    void aRetryConditionStopsRetriesAndMarksTheStateNotRetriable() {
        Work work = runs.flows(Work.class);

        assertThatThrownBy(work::ioFlow).isInstanceOf(FlowRunException.class).hasCauseInstanceOf(IOException.class);
        assertThat(work.calls).hasValue(1);
        TaskRun task = runs.taskRuns(runs.onlyFlowRun()).getFirst();
        assertThat(task.state().details().retriable()).isFalse();
    }

    @Test
    void retryOnListsTheOnlyExceptionsRetried() {
        Work work = runs.flows(Work.class);

        assertThatThrownBy(work::wrongType).isInstanceOf(UnsupportedOperationException.class);
        assertThat(work.calls).hasValue(1);
    }

    @Test
    void aTimeoutEndsTheTaskTimedOutEvenWhenTheBodyIgnoresInterrupts() {
        Work work = runs.flows(Work.class);
        long start = System.nanoTime();

        assertThatThrownBy(work::timeoutFlow).isInstanceOf(FlowRunException.class);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("did not wait for the 3 s body").isLessThan(Duration.ofMillis(2500));
        TaskRun task = runs.taskRuns(runs.onlyFlowRun()).getFirst();
        assertThat(task.state().name()).isEqualTo(State.TIMED_OUT);
        assertThat(task.state().type()).isEqualTo(StateType.FAILED);
    }

    @Test
    void aTimedOutTaskIsRetriedAndItsThreadInterrupted() {
        Work work = runs.flows(Work.class);

        assertThatThrownBy(work::blockingFlow).isInstanceOf(FlowRunException.class)
                .hasRootCauseInstanceOf(TaskRunException.class)
                .hasMessageContaining("exceeded its timeout of 0.2 s");
        assertThat(work.calls).hasValue(2);
        TaskRun task = runs.taskRuns(runs.onlyFlowRun()).getFirst();
        assertThat(runs.stateNames(task)).containsExactly("Pending", "Running", "AwaitingRetry", "Retrying", "TimedOut");
    }

    @Test
    void runLogsCarryTheRunIdsAndCapturePrintsWhenAsked() {
        Work work = runs.flows(Work.class);

        work.logFlow();

        FlowRun run = runs.onlyFlowRun();
        TaskRun task = runs.taskRuns(run).getFirst();
        assertThat(task.name()).isEqualTo("log-a");
        assertThat(task.tags()).containsExactly("io", "db");
        List<RunLog> taskLogs = runs.orchestrator.logs(run.id()).stream()
                .filter(l -> task.id().equals(l.taskRunId())).toList();
        assertThat(taskLogs).extracting(RunLog::message).contains("hello a", "printed a");
        assertThat(work.mdcFlowRunId).isEqualTo(run.id().toString());
        assertThat(work.seen.flowRun().orElseThrow().flowName()).isEqualTo("logging");
        TaskRunInfo info = work.seen.taskRun().orElseThrow();
        assertThat(info.id()).isEqualTo(task.id());
        assertThat(info.attempt()).isEqualTo(1);
        assertThat(info.parameters()).containsEntry("label", "a");
    }

    @Test
    void anAdHocTaskRunsALambdaAsATaskRun() {
        Work work = runs.flows(Work.class);

        assertThat(work.adHoc()).isEqualTo(42);
        assertThat(runs.taskRuns(runs.onlyFlowRun())).singleElement()
                .satisfies(t -> assertThat(t.name()).isEqualTo("double-it-0"));
    }

    @Test
    void printsOutsideCapturingRunsAreNotCaptured() {
        Work work = runs.flows(Work.class);
        work.logFlow();
        int before = runs.orchestrator.logs().size();

        System.out.println("not a run's line");

        assertThat(runs.orchestrator.logs()).hasSize(before);
    }
}
