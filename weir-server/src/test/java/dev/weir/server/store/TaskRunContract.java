package dev.weir.server.store;

import static dev.weir.server.store.Fixtures.T0;
import static dev.weir.server.store.Fixtures.aFlowRun;
import static dev.weir.server.store.Fixtures.aTaskRun;
import static dev.weir.server.store.Fixtures.at;
import static dev.weir.server.store.Fixtures.newRun;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weir.core.Ids;
import dev.weir.core.WeirException;
import dev.weir.orchestrator.FlowRunCreate;
import dev.weir.run.TaskInput;
import dev.weir.run.TaskRun;
import dev.weir.state.State;
import dev.weir.state.StateDetails;
import dev.weir.state.StateType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Task runs: batch upserts with state history. Part of {@link StoreContract}. */
interface TaskRunContract {

    Database db();

    private FlowRunRecord create(FlowRunCreate create) {
        return db().flowRuns().create(newRun(create, T0)).run();
    }

    private FlowRunRecord create(String flow, Instant created) {
        return db().flowRuns().create(newRun(aFlowRun(flow), created)).run();
    }

    @Test
    default void upsertsTaskRunBatchesWithEveryFieldAndStateHistory() {
        FlowRunRecord flowRun = create("etl", T0);
        TaskRun upstream = aTaskRun(flowRun.id(), 0, State.pending(at(1)));
        TaskRun plain = aTaskRun(flowRun.id(), 1, State.pending(at(1)));
        TaskRun fed = new TaskRun(Ids.newId(), "clean-2", "com.acme.Etl#clean", flowRun.id(), 2, List.of("cpu", "io"),
                Map.of("rows", List.of(TaskInput.result(upstream.id())), TaskRun.WAIT_FOR,
                        List.of(TaskInput.waitFor(plain.id()))),
                new State(StateType.PENDING, "Pending", "", at(2), StateDetails.NONE.withCache("k", at(99))), 0,
                at(2), null, null, Duration.ZERO);
        db().taskRuns().upsert(List.of(upstream, plain, fed));
        assertThat(db().taskRuns().read(fed.id())).contains(fed);

        TaskRun running = fed.with(State.running(at(3)), 1, at(3), null, Duration.ZERO);
        TaskRun completed = running.with(State.completed(at(5)), 1, at(3), at(5), Duration.ofMillis(2000));
        db().taskRuns().upsert(List.of(running, completed));

        assertThat(db().taskRuns().read(fed.id())).contains(completed);
        assertThat(db().taskRuns().listByFlowRun(flowRun.id())).extracting(TaskRun::id)
                .containsExactly(upstream.id(), plain.id(), fed.id());
        assertThat(db().taskRuns().states(fed.id())).extracting(s -> s.state().type())
                .containsExactly(StateType.PENDING, StateType.RUNNING, StateType.COMPLETED);
        assertThat(db().taskRuns().states(fed.id()).getFirst().state()).isEqualTo(fed.state());
    }

    @Test
    default void aRepeatedTaskRunStateIsRecordedOnceAndABadBatchWritesNothing() {
        FlowRunRecord flowRun = create("etl", T0);
        TaskRun task = aTaskRun(flowRun.id(), 0, State.running(at(1)));
        db().taskRuns().upsert(List.of(task));
        db().taskRuns().upsert(List.of(task));
        assertThat(db().taskRuns().states(task.id())).hasSize(1);

        TaskRun good = aTaskRun(flowRun.id(), 1, State.pending(at(1)));
        TaskRun orphan = aTaskRun(Ids.newId(), 2, State.pending(at(1)));
        assertThatThrownBy(() -> db().taskRuns().upsert(List.of(good, orphan))).isInstanceOf(WeirException.class);
        assertThat(db().taskRuns().read(good.id())).isEmpty();
        TaskRun outsideFlow = aTaskRun(null, 3, State.pending(at(1)));
        db().taskRuns().upsert(List.of(outsideFlow));
        assertThat(db().taskRuns().read(outsideFlow.id())).contains(outsideFlow);
    }
}
