package dev.weir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.weir.client.InMemoryOrchestrator;
import dev.weir.orchestrator.FlowRunCreate;
import dev.weir.orchestrator.Orchestrator;
import dev.weir.orchestrator.StateDecision;
import dev.weir.run.FlowRun;
import dev.weir.run.RunLog;
import dev.weir.run.TaskRun;
import dev.weir.state.State;
import dev.weir.state.StateType;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Flow runs beat while they run, and stop in their process when a beat says they are being cancelled. */
class HeartbeatTest {

    /** The in-memory orchestrator, counting beats, and answering Cancelling for a run once told to. */
    static final class Beating implements Orchestrator {
        final InMemoryOrchestrator memory = InMemoryOrchestrator.create();
        final Map<UUID, AtomicInteger> beats = new ConcurrentHashMap<>();
        final AtomicBoolean cancel = new AtomicBoolean();

        @Override
        public FlowRun createFlowRun(FlowRunCreate create) {
            return memory.createFlowRun(create);
        }

        @Override
        public StateDecision setFlowRunState(UUID flowRunId, State proposed) {
            return memory.setFlowRunState(flowRunId, proposed);
        }

        @Override
        public Optional<FlowRun> flowRun(UUID flowRunId) {
            return memory.flowRun(flowRunId);
        }

        @Override
        public Optional<FlowRun> heartbeat(UUID flowRunId) {
            beats.computeIfAbsent(flowRunId, id -> new AtomicInteger()).incrementAndGet();
            Optional<FlowRun> run = memory.flowRun(flowRunId);
            if (cancel.get()) {
                return run.map(r -> r.with(State.of(StateType.CANCELLING, r.state().timestamp()), r.runCount(),
                        r.startTime(), r.endTime(), r.totalRunTime()));
            }
            return run;
        }

        @Override
        public void recordTaskRun(TaskRun taskRun) {
            memory.recordTaskRun(taskRun);
        }

        @Override
        public void recordLog(RunLog log) {
            memory.recordLog(log);
        }

        @Override
        public void flush() {
            memory.flush();
        }

        @Override
        public void close() {
            memory.close();
        }
    }

    public static class Flows {
        static final AtomicBoolean CANCEL_HOOK = new AtomicBoolean();

        @Flow(name = "napper")
        int nap() throws InterruptedException {
            Thread.sleep(400);
            return 1;
        }

        @Flow(name = "forever", onCancellation = "cancelled")
        void forever() throws InterruptedException {
            while (true) {
                Thread.sleep(20);
            }
        }

        void cancelled(State state) {
            CANCEL_HOOK.set(true);
        }
    }

    @Test
    void aRunningFlowRunBeatsEveryIntervalAndStopsBeatingWhenItEnds() throws Exception {
        Beating orchestrator = new Beating();
        try (WeirRuntime weir = Weir.configure(c -> c.orchestrator(orchestrator).runHeartbeat(Duration.ofMillis(50)))) {
            assertThat(weir.flows(Flows.class).nap()).isEqualTo(1);
            assertThat(orchestrator.beats).hasSize(1);
            int beats = orchestrator.beats.values().iterator().next().get();
            assertThat(beats).as("about 8 beats in 400 ms").isBetween(3, 12);
            Thread.sleep(200);
            assertThat(orchestrator.beats.values().iterator().next().get()).as("no beat after the end").isEqualTo(beats);
        }
    }

    @Test
    void aBeatThatFindsTheRunCancellingStopsTheFlowWhichEndsCancelledWithItsHooks() {
        Flows.CANCEL_HOOK.set(false);
        Beating orchestrator = new Beating();
        try (WeirRuntime weir = Weir.configure(c -> c.orchestrator(orchestrator).runHeartbeat(Duration.ofMillis(50)))) {
            Thread.ofVirtual().start(() -> {
                await().until(() -> !orchestrator.beats.isEmpty());
                orchestrator.cancel.set(true);
            });
            assertThatThrownBy(() -> weir.flows(Flows.class).forever())
                    .isInstanceOfSatisfying(FlowRunException.class,
                            e -> assertThat(e.state().type()).isEqualTo(StateType.CANCELLED));
            assertThat(Flows.CANCEL_HOOK).isTrue();
            assertThat(Thread.currentThread().isInterrupted()).as("the cancel's interrupt does not leak").isFalse();
        }
    }

    @Test
    void aPauseOutsideAFlowSaysWhereItMustBeCalled() {
        assertThatThrownBy(() -> Weir.pause(Duration.ofSeconds(1)))
                .isInstanceOf(FlowPauseException.class).hasMessageContaining("from a flow run");
    }
}
