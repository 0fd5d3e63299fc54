package dev.weir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weir.run.FlowRun;
import dev.weir.run.TaskRun;
import dev.weir.state.State;
import dev.weir.state.StateType;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FlowRunsTest {

    private final Runs runs = new Runs();

    @AfterEach
    void close() {
        runs.close();
    }

    public static class Numbers {
        final AtomicInteger flowCalls = new AtomicInteger();
        final List<String> hooks = new java.util.concurrent.CopyOnWriteArrayList<>();

        @Task
        int add(int x, int y) {
            return x + y;
        }

        @Task
        int explode(int x) {
            throw new IllegalStateException("boom " + x);
        }

        @Flow(name = "sum", flowRunName = "sum-{x}-{day:yyyyMMdd}", onCompletion = "done", onFailure = {"failed", "brokenHook"})
        int sum(int x, LocalDate day) {
            flowCalls.incrementAndGet();
            return add(x, add(1, 2));
        }

        @Flow(onFailure = {"brokenHook", "failed"})
        int failing() {
            return explode(7);
        }

        @Flow
        String catching() {
            try {
                explode(1);
                return "unreachable";
            } catch (IllegalStateException e) {
                return "caught " + e.getMessage();
            }
        }

        @Flow(retries = 2, retryDelaySeconds = 30)
        int flaky() {
            if (flowCalls.incrementAndGet() < 3) {
                throw new IllegalArgumentException("attempt " + flowCalls.get());
            }
            return Weir.context().flowRun().orElseThrow().attempt();
        }

        @Flow(timeoutSeconds = 0.2)
        void slow() throws InterruptedException {
            Thread.sleep(Duration.ofMinutes(5));
        }

        @Flow
        int parent() {
            return child(5) + child(6);
        }

        @Flow(name = "child-flow")
        int child(int n) {
            return add(n, n);
        }

        @Flow
        int validated(@Min(1900) int year) {
            flowCalls.incrementAndGet();
            return year;
        }

        @Flow
        TaskFuture<Integer> returnsFailedFuture() {
            return Weir.submit(this::explode, 3);
        }

        void done(State state) {
            hooks.add("done:" + state.name());
        }

        void failed() {
            hooks.add("failed");
        }

        void brokenHook() {
            throw new IllegalStateException("hook broke");
        }
    }

    @Test
    void completedFlowReturnsItsValueAndRecordsTaskRunsAndStates() {
        Numbers numbers = runs.flows(Numbers.class);

        int total = numbers.sum(10, LocalDate.of(2026, 3, 4));

        assertThat(total).isEqualTo(13);
        FlowRun run = runs.onlyFlowRun();
        assertThat(run.flowName()).isEqualTo("sum");
        assertThat(run.name()).isEqualTo("sum-10-20260304");
        assertThat(run.state().type()).isEqualTo(StateType.COMPLETED);
        assertThat(run.parameters()).containsEntry("x", 10).containsEntry("day", "2026-03-04");
        assertThat(run.runCount()).isEqualTo(1);
        assertThat(runs.stateNames(run)).containsExactly("Pending", "Running", "Completed");
        List<TaskRun> tasks = runs.taskRuns(run);
        assertThat(tasks).extracting(TaskRun::name).containsExactly("add-0", "add-1");
        assertThat(tasks).allSatisfy(t -> assertThat(runs.stateNames(t)).containsExactly("Pending", "Running", "Completed"));
        assertThat(numbers.hooks).containsExactly("done:Completed");
    }

    @Test
    void anExceptionLeavingTheFlowFailsItAndCarriesStateAndCause() {
        Numbers numbers = runs.flows(Numbers.class);

        assertThatThrownBy(numbers::failing)
                .isInstanceOfSatisfying(FlowRunException.class, e -> {
                    assertThat(e.state().type()).isEqualTo(StateType.FAILED);
                    assertThat(e.state().message()).contains("boom 7");
                })
                .hasCauseInstanceOf(IllegalStateException.class);
        FlowRun run = runs.onlyFlowRun();
        assertThat(run.state().type()).isEqualTo(StateType.FAILED);
        assertThat(runs.taskRuns(run)).singleElement().satisfies(t -> assertThat(t.state().type()).isEqualTo(StateType.FAILED));
        assertThat(numbers.hooks).as("a throwing hook is logged and the next one still runs").containsExactly("failed");
        assertThat(runs.logMessages(run)).anyMatch(m -> m.contains("Hook 'brokenHook' failed"));
    }

    @Test
    void aTaskFailureTheFlowCatchesDoesNotFailTheFlow() {
        Numbers numbers = runs.flows(Numbers.class);

        assertThat(numbers.catching()).isEqualTo("caught boom 1");
        FlowRun run = runs.onlyFlowRun();
        assertThat(run.state().type()).isEqualTo(StateType.COMPLETED);
        assertThat(runs.taskRuns(run).getFirst().state().type()).isEqualTo(StateType.FAILED);
    }

    @Test
    void aFailedFlowRetriesInTheSameRunAfterItsDelay() {
        Numbers numbers = runs.flows(Numbers.class);

        assertThat(numbers.flaky()).as("the third attempt").isEqualTo(3);
        FlowRun run = runs.onlyFlowRun();
        assertThat(run.runCount()).isEqualTo(3);
        assertThat(runs.stateNames(run)).containsExactly(
                "Pending", "Running", "AwaitingRetry", "Retrying", "AwaitingRetry", "Retrying", "Completed");
        assertThat(runs.time.sleeps()).containsExactly(Duration.ofSeconds(30), Duration.ofSeconds(30));
    }

    @Test
    void aFlowPastItsTimeoutEndsTimedOutWithoutWaitingForTheBody() {
        Numbers numbers = runs.flows(Numbers.class);

        assertThatThrownBy(numbers::slow).isInstanceOfSatisfying(FlowRunException.class,
                e -> assertThat(e.state().name()).isEqualTo(State.TIMED_OUT));
        assertThat(runs.onlyFlowRun().state().type()).isEqualTo(StateType.FAILED);
    }

    @Test
    void subflowsBecomeChildRunsLinkedToAPlaceholderTaskRun() {
        Numbers numbers = runs.flows(Numbers.class);

        assertThat(numbers.parent()).isEqualTo(22);
        List<FlowRun> all = runs.orchestrator.flowRuns();
        assertThat(all).hasSize(3);
        FlowRun parent = all.stream().filter(r -> r.flowName().equals("parent")).findFirst().orElseThrow();
        List<TaskRun> placeholders = runs.taskRuns(parent);
        assertThat(placeholders).extracting(TaskRun::taskKey).containsExactly("subflow:child-flow", "subflow:child-flow");
        List<FlowRun> children = all.stream().filter(r -> r.flowName().equals("child-flow")).toList();
        assertThat(children).extracting(FlowRun::parentTaskRunId)
                .containsExactlyInAnyOrderElementsOf(placeholders.stream().map(TaskRun::id).toList());
        assertThat(placeholders).allSatisfy(p -> {
            assertThat(p.state().type()).isEqualTo(StateType.COMPLETED);
            assertThat(p.state().details().childFlowRunId()).isNotNull();
        });
        assertThat(children).allSatisfy(c -> assertThat(runs.taskRuns(c)).hasSize(1));
    }

    @Test
    void invalidParametersFailTheRunBeforeItsBodyRuns() {
        Numbers numbers = runs.flows(Numbers.class);

        assertThatThrownBy(() -> numbers.validated(1800))
                .isInstanceOf(FlowRunException.class)
                .hasMessageContaining("'year'")
                .hasMessageContaining("1800")
                .hasMessageContaining("greater than or equal to 1900");
        assertThat(numbers.flowCalls).hasValue(0);
        FlowRun run = runs.onlyFlowRun();
        assertThat(run.state().type()).isEqualTo(StateType.FAILED);
        assertThat(run.runCount()).isZero();
    }

    @Test
    void returningAFutureThatFailedFailsTheFlow() {
        Numbers numbers = runs.flows(Numbers.class);

        assertThatThrownBy(numbers::returnsFailedFuture).isInstanceOf(FlowRunException.class)
                .hasMessageContaining("1 of 1 returned task runs did not complete");
    }

    @Test
    void aTaskCalledOutsideAnyFlowStillRunsAsATaskRun() {
        Numbers numbers = runs.flows(Numbers.class);

        assertThat(numbers.add(2, 3)).isEqualTo(5);
        assertThat(runs.orchestrator.flowRuns()).isEmpty();
        assertThat(runs.orchestrator.taskRuns(null)).singleElement().satisfies(t -> {
            assertThat(t.flowRunId()).isNull();
            assertThat(t.state().type()).isEqualTo(StateType.COMPLETED);
        });
    }
}
