package dev.weir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weir.run.FlowRun;
import dev.weir.run.TaskInput;
import dev.weir.run.TaskRun;
import dev.weir.state.State;
import dev.weir.state.StateType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SubmitTest {

    private final Runs runs = new Runs();

    @AfterEach
    void close() {
        runs.close();
    }

    public static class Parallel {
        final AtomicInteger running = new AtomicInteger();
        final AtomicInteger peak = new AtomicInteger();
        final List<Integer> order = new CopyOnWriteArrayList<>();

        @Task
        String fetch(String url) {
            return "body of " + url;
        }

        @Task
        int length(String body) {
            return body.length();
        }

        @Task
        String join(String prefix, String value) {
            return prefix + value;
        }

        @Task
        void fail() {
            throw new IllegalStateException("upstream broke");
        }

        @Task
        String downstream() {
            return "ran";
        }

        @Task
        int busy(int i) throws InterruptedException {
            int now = running.incrementAndGet();
            peak.accumulateAndGet(now, Math::max);
            Thread.sleep(20);
            order.add(i);
            running.decrementAndGet();
            return i;
        }

        @Task
        int nested(int i) {
            return Weir.submit(this::busy, i).result() + Weir.submit(this::busy, i).result();
        }

        @Flow
        List<Integer> fetchAll(List<String> urls) {
            TaskFuture<String> first = Weir.submit(this::fetch, urls.getFirst());
            List<TaskFuture<String>> bodies = Weir.map(this::fetch, urls);
            List<TaskFuture<Integer>> lengths = new ArrayList<>();
            for (TaskFuture<String> body : bodies) {
                lengths.add(Weir.submit(this::length, body.result()));
            }
            first.result();
            return Weir.results(lengths);
        }

        @Flow
        List<String> withUnmapped() {
            return Weir.results(Weir.map(this::join, List.of("a", "b", "c"), Weir.unmapped("!")));
        }

        @Flow
        Map<String, State> upstreamFailure() {
            TaskFuture<Void> broken = Weir.submit(this::fail);
            TaskFuture<String> blocked = Weir.waitFor(broken).submit(this::downstream);
            TaskFuture<String> allowed = Weir.waitFor(Weir.allowFailure(broken)).submit(this::downstream);
            return Map.of("blocked", blocked.await(), "allowed", allowed.await());
        }

        @Flow(maxConcurrency = 3)
        void bounded() {
            Weir.waitAll(Weir.map(this::busy, IntStream.range(0, 12).boxed().toList()));
        }

        @Flow(taskRunner = TaskRunner.SEQUENTIAL)
        void sequential() {
            Weir.waitAll(Weir.map(this::busy, IntStream.range(0, 6).boxed().toList()));
        }

        @Flow(maxConcurrency = 1)
        int nestedBounded() {
            return Weir.results(Weir.map(this::nested, List.of(1, 2))).stream().mapToInt(Integer::intValue).sum();
        }

        @Flow(taskRunner = TaskRunner.SEQUENTIAL)
        int nestedSequential() {
            return Weir.submit(this::nested, 5).result();
        }

        @Flow
        int leavesFuturesOpen(CountDownLatch latch) {
            Weir.submit(this::slowAfter, latch);
            return 1;
        }

        @Task
        String slowAfter(CountDownLatch latch) throws InterruptedException {
            latch.await(5, TimeUnit.SECONDS);
            return "late";
        }
    }

    @Test
    void submitAndMapRunTasksAndRecordResultEdges() {
        Parallel parallel = runs.flows(Parallel.class);

        List<Integer> lengths = parallel.fetchAll(List.of("u1", "u22"));

        assertThat(lengths).containsExactly(10, 11);
        FlowRun run = runs.onlyFlowRun();
        List<TaskRun> tasks = runs.taskRuns(run);
        assertThat(tasks).hasSize(5);
        assertThat(tasks).allSatisfy(t -> assertThat(t.state().type()).isEqualTo(StateType.COMPLETED));
        List<TaskRun> lengthRuns = tasks.stream().filter(t -> t.name().startsWith("length")).toList();
        List<TaskRun> fetchRuns = tasks.stream().filter(t -> t.name().startsWith("fetch")).toList();
        assertThat(lengthRuns).hasSize(2).allSatisfy(t -> assertThat(t.inputs().get("body"))
                .singleElement()
                .satisfies(edge -> {
                    assertThat(edge.kind()).isEqualTo(TaskInput.Kind.RESULT);
                    assertThat(fetchRuns).extracting(TaskRun::id).contains(edge.taskRunId());
                }));
    }

    @Test
    void mapPassesAnUnmappedArgumentWholeToEveryCall() {
        assertThat(runs.flows(Parallel.class).withUnmapped()).containsExactly("a!", "b!", "c!");
    }

    @Test
    void aDownstreamOfAFailedUpstreamEndsNotReadyUnlessFailureIsAllowed() {
        Map<String, State> states = runs.flows(Parallel.class).upstreamFailure();

        assertThat(states.get("blocked").name()).isEqualTo(State.NOT_READY);
        assertThat(states.get("allowed").type()).isEqualTo(StateType.COMPLETED);
        TaskRun blocked = runs.taskRuns(runs.onlyFlowRun()).stream()
                .filter(t -> t.state().name().equals(State.NOT_READY)).findFirst().orElseThrow();
        assertThat(blocked.inputs().get(TaskRun.WAIT_FOR)).singleElement()
                .satisfies(edge -> assertThat(edge.kind()).isEqualTo(TaskInput.Kind.WAIT_FOR));
        assertThat(blocked.runCount()).isZero();
    }

    @Test
    void aBoundedConcurrentRunnerNeverExceedsItsBound() {
        Parallel parallel = runs.flows(Parallel.class);

        parallel.bounded();

        assertThat(parallel.peak.get()).isBetween(1, 3);
        assertThat(parallel.order).hasSize(12);
    }

    @Test
    void theSequentialRunnerRunsOneTaskAtATimeInSubmissionOrder() {
        Parallel parallel = runs.flows(Parallel.class);

        parallel.sequential();

        assertThat(parallel.peak).hasValue(1);
        assertThat(parallel.order).containsExactly(0, 1, 2, 3, 4, 5);
    }

    @Test
    void nestedSubmitsDoNotDeadlockUnderABoundOrTheSequentialRunner() {
        Parallel parallel = runs.flows(Parallel.class);

        assertThat(parallel.nestedBounded()).isEqualTo(6);
        assertThat(parallel.peak.get()).isEqualTo(1);
        assertThat(parallel.nestedSequential()).isEqualTo(10);
    }

    @Test
    void aFlowWaitsForItsOpenFuturesBeforeItsFinalState() throws Exception {
        Parallel parallel = runs.flows(Parallel.class);
        CountDownLatch latch = new CountDownLatch(1);
        Thread.ofVirtual().start(() -> {
            try {
                TimeUnit.MILLISECONDS.sleep(100);
            } catch (InterruptedException e) {
                return;
            }
            latch.countDown();
        });

        parallel.leavesFuturesOpen(latch);

        FlowRun run = runs.onlyFlowRun();
        assertThat(run.state().type()).isEqualTo(StateType.COMPLETED);
        assertThat(runs.taskRuns(run)).singleElement()
                .satisfies(t -> assertThat(t.state().type()).isEqualTo(StateType.COMPLETED));
    }

    @Test
    void aFutureRethrowsTheTaskFailureAndReportsItsState() {
        Parallel parallel = runs.flows(Parallel.class);
        TaskFuture<Void>[] holder = new TaskFuture[1];

        parallel.fetch("outside");
        holder[0] = Weir.submit(parallel::fail);

        assertThatThrownBy(holder[0]::result).isInstanceOf(IllegalStateException.class).hasMessage("upstream broke");
        assertThat(holder[0].isDone()).isTrue();
        assertThat(holder[0].state().type()).isEqualTo(StateType.FAILED);
        assertThat(holder[0].await(Duration.ofSeconds(1))).isPresent();
        assertThat(holder[0].toCompletableFuture()).isCompletedExceptionally();
    }
}
