package dev.weir.server.store;

import static dev.weir.server.store.Fixtures.T0;
import static dev.weir.server.store.Fixtures.aFlowRun;
import static dev.weir.server.store.Fixtures.anEvent;
import static dev.weir.server.store.Fixtures.at;
import static dev.weir.server.store.Fixtures.moved;
import static dev.weir.server.store.Fixtures.newRun;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weir.core.Ids;
import dev.weir.orchestrator.FlowRunCreate;
import dev.weir.run.FlowRun;
import dev.weir.state.State;
import dev.weir.state.StateType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** State writes: versions, compare-and-set conflicts, row locks and the transactional outbox. Part of {@link StoreContract}. */
interface StateWriteContract {

    Database db();

    private FlowRunRecord create(FlowRunCreate create) {
        return db().flowRuns().create(newRun(create, T0)).run();
    }

    private FlowRunRecord create(String flow, Instant created) {
        return db().flowRuns().create(newRun(aFlowRun(flow), created)).run();
    }

    @Test
    default void writeStateAppliesBookkeepingBumpsVersionAndAppendsHistory() {
        FlowRunRecord run = create("etl", T0);
        FlowRun running = moved(run.run(), State.running(at(1)));
        FlowRunRecord written = db().flowRuns().writeState(run.id(), 1, running);
        FlowRun done = moved(written.run(), State.completed(at(4)));
        FlowRunRecord finished = db().flowRuns().writeState(run.id(), 2, done);

        assertThat(finished.version()).isEqualTo(3);
        assertThat(finished.run()).isEqualTo(done);
        assertThat(finished.run().runCount()).isEqualTo(1);
        assertThat(finished.run().totalRunTime()).isEqualTo(Duration.ofSeconds(3));
        assertThat(db().flowRuns().read(run.id())).contains(finished);
        assertThat(db().flowRuns().states(run.id())).extracting(s -> s.state().type())
                .containsExactly(StateType.PENDING, StateType.RUNNING, StateType.COMPLETED);
    }

    @Test
    default void writeStateWithAStaleVersionConflictsAndWritesNothing() {
        FlowRunRecord run = create("etl", T0);
        db().flowRuns().writeState(run.id(), 1, moved(run.run(), State.running(at(1))));

        assertThatThrownBy(() -> db().flowRuns().writeState(run.id(), 1, moved(run.run(), State.crashed(at(2), "x"))))
                .isInstanceOf(StateConflictException.class)
                .hasMessageContaining("version 1");
        assertThat(db().flowRuns().read(run.id()).orElseThrow().run().state().type()).isEqualTo(StateType.RUNNING);
        assertThat(db().flowRuns().states(run.id())).hasSize(2);
        assertThatThrownBy(() -> db().flowRuns().writeState(Ids.newId(), 1, moved(run.run(), State.running(at(1)))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    default void concurrentCompareAndSetWritersLetExactlyOneWinPerVersion() throws Exception {
        FlowRunRecord run = create("etl", T0);
        int writers = 8;
        CountDownLatch start = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                State proposal = State.running(at(i + 1));
                results.add(pool.submit(() -> {
                    start.await();
                    try {
                        db().flowRuns().writeState(run.id(), 1, moved(run.run(), proposal));
                        return true;
                    } catch (StateConflictException e) {
                        return false;
                    }
                }));
            }
            start.countDown();
            int wins = 0;
            for (Future<Boolean> result : results) {
                wins += result.get() ? 1 : 0;
            }
            assertThat(wins).isEqualTo(1);
        }
        assertThat(db().flowRuns().read(run.id()).orElseThrow().version()).isEqualTo(2);
        assertThat(db().flowRuns().states(run.id())).hasSize(2);
    }

    @Test
    default void readForUpdateInsideATransactionLosesNoUpdate() throws Exception {
        FlowRunRecord run = create("etl", T0);
        int threads = 4;
        int rounds = 25;
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                done.add(pool.submit(() -> {
                    for (int i = 0; i < rounds; i++) {
                        db().inTransaction(tx -> {
                            FlowRunRecord current = tx.flowRuns().readForUpdate(run.id()).orElseThrow();
                            FlowRun next = current.run().with(State.running(at(1)), current.run().runCount() + 1,
                                    at(1), null, Duration.ZERO);
                            return tx.flowRuns().writeState(run.id(), current.version(), next);
                        });
                    }
                    return null;
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
        }
        FlowRunRecord last = db().flowRuns().read(run.id()).orElseThrow();
        assertThat(last.run().runCount()).isEqualTo(threads * rounds);
        assertThat(last.version()).isEqualTo(1 + threads * rounds);
    }

    @Test
    default void aTransactionCommitsTheStateChangeAndItsEventTogether() {
        FlowRunRecord run = create("etl", T0);
        Event event = anEvent("weir.flow-run.Running", "weir.flow-run." + run.id(), at(1));
        db().inTransaction(tx -> {
            tx.flowRuns().writeState(run.id(), run.version(), moved(run.run(), State.running(at(1))));
            tx.events().insert(event);
            return null;
        });
        assertThat(db().events().read(event.id())).contains(event);
        assertThat(db().flowRuns().read(run.id()).orElseThrow().version()).isEqualTo(2);
    }

    @Test
    default void aFailedTransactionKeepsNeitherTheEventNorTheStateChange() {
        FlowRunRecord run = create("etl", T0);
        Event event = anEvent("weir.flow-run.Running", "weir.flow-run." + run.id(), at(1));
        assertThatThrownBy(() -> db().inTransaction(tx -> {
            tx.events().insert(event);
            tx.flowRuns().writeState(run.id(), run.version(), moved(run.run(), State.running(at(1))));
            return tx.flowRuns().writeState(run.id(), run.version(), moved(run.run(), State.failed(at(2), "x")));
        })).isInstanceOf(StateConflictException.class);

        assertThat(db().events().read(event.id())).isEmpty();
        assertThat(db().flowRuns().read(run.id())).contains(run);
        assertThat(db().flowRuns().states(run.id())).hasSize(1);
    }
}
