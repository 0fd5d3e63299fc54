package dev.weir.server.store;

import static dev.weir.server.store.Fixtures.T0;
import static dev.weir.server.store.Fixtures.aFlowRun;
import static dev.weir.server.store.Fixtures.aLog;
import static dev.weir.server.store.Fixtures.aTaskRun;
import static dev.weir.server.store.Fixtures.anEvent;
import static dev.weir.server.store.Fixtures.at;
import static dev.weir.server.store.Fixtures.moved;
import static dev.weir.server.store.Fixtures.newRun;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.orchestrator.FlowRunCreate;
import dev.weir.run.FlowRun;
import dev.weir.run.TaskRun;
import dev.weir.state.State;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Deleting runs: cascades, and retention that removes only what is old and finished. Part of {@link StoreContract}. */
interface DeletionContract {

    Database db();

    private FlowRunRecord create(FlowRunCreate create) {
        return db().flowRuns().create(newRun(create, T0)).run();
    }

    private FlowRunRecord create(String flow, Instant created) {
        return db().flowRuns().create(newRun(aFlowRun(flow), created)).run();
    }

    @Test
    default void deletingAFlowRunCascadesToItsTaskRunsStatesAndLogs() {
        FlowRunRecord doomed = create("etl", T0);
        FlowRunRecord kept = create("etl", T0);
        TaskRun task = aTaskRun(doomed.id(), 0, State.running(at(1)));
        TaskRun keptTask = aTaskRun(kept.id(), 0, State.running(at(1)));
        db().taskRuns().upsert(List.of(task, keptTask));
        db().logs().insert(List.of(aLog(doomed.id(), task.id(), "INFO", "x", at(1)), aLog(null, task.id(), "INFO", "y", at(1)),
                aLog(kept.id(), null, "INFO", "z", at(1))));

        assertThat(db().flowRuns().delete(doomed.id())).isTrue();
        assertThat(db().flowRuns().delete(doomed.id())).isFalse();
        assertThat(db().flowRuns().read(doomed.id())).isEmpty();
        assertThat(db().flowRuns().states(doomed.id())).isEmpty();
        assertThat(db().taskRuns().read(task.id())).isEmpty();
        assertThat(db().taskRuns().states(task.id())).isEmpty();
        assertThat(messages(LogFilter.all(), Page.DEFAULT)).containsExactly("z");
        assertThat(db().taskRuns().read(keptTask.id())).isPresent();
        assertThat(db().flowRuns().states(kept.id())).hasSize(1);
    }

    @Test
    default void retentionDeletesOnlyFinishedRunsThatEndedBeforeTheCutoffAndOldEvents() {
        FlowRunRecord oldDone = finished(create("etl", T0), at(10));
        FlowRunRecord newDone = finished(create("etl", T0), at(1000));
        FlowRunRecord oldRunning = create("etl", T0);
        db().flowRuns().writeState(oldRunning.id(), 1, moved(oldRunning.run(), State.running(at(5))));
        TaskRun task = aTaskRun(oldDone.id(), 0, State.completed(at(9)));
        TaskRun loneOld = aTaskRun(null, 1, State.completed(at(9))).with(State.completed(at(9)), 1, at(8), at(9), Duration.ZERO);
        TaskRun loneRunning = aTaskRun(null, 2, State.running(at(9)));
        db().taskRuns().upsert(List.of(task, loneOld, loneRunning));
        db().logs().insert(List.of(aLog(oldDone.id(), task.id(), "INFO", "gone", at(9)), aLog(newDone.id(), null, "INFO", "kept", at(9))));
        Event oldEvent = anEvent("weir.flow-run.Completed", "r", at(10));
        Event newEvent = anEvent("weir.flow-run.Completed", "r", at(1000));
        db().events().insert(oldEvent);
        db().events().insert(newEvent);

        RetentionResult result = db().retention().purge(at(500), at(500), 10);

        assertThat(result).isEqualTo(new RetentionResult(1, 1, 1));
        assertThat(db().flowRuns().list(FlowRunFilter.all(), FlowRunSort.CREATED_ASC, Page.DEFAULT))
                .extracting(FlowRunRecord::id).containsExactlyInAnyOrder(newDone.id(), oldRunning.id());
        assertThat(db().taskRuns().read(task.id())).isEmpty();
        assertThat(db().taskRuns().read(loneOld.id())).isEmpty();
        assertThat(db().taskRuns().read(loneRunning.id())).isPresent();
        assertThat(messages(LogFilter.all(), Page.DEFAULT)).containsExactly("kept");
        assertThat(db().events().list(EventFilter.all(), Page.DEFAULT)).containsExactly(newEvent);
    }

    @Test
    default void retentionWorksInBatchesOfTheGivenSize() {
        for (int i = 0; i < 7; i++) {
            finished(create("etl", T0), at(i + 1));
            db().events().insert(anEvent("weir.x", "r", at(i)));
        }
        assertThat(db().retention().deleteFinishedRunsBefore(at(100), 3).flowRuns()).isEqualTo(3);
        assertThat(db().retention().deleteEventsBefore(at(100), 3)).isEqualTo(3);
        assertThat(db().retention().purge(at(100), at(100), 3)).isEqualTo(new RetentionResult(4, 0, 4));
        assertThat(db().flowRuns().count(FlowRunFilter.all())).isZero();
        assertThat(db().events().count(EventFilter.all())).isZero();
    }

    private FlowRunRecord finished(FlowRunRecord run, Instant end) {
        FlowRun running = moved(run.run(), State.running(end.minusSeconds(1)));
        FlowRunRecord r = db().flowRuns().writeState(run.id(), run.version(), running);
        return db().flowRuns().writeState(run.id(), r.version(), moved(running, State.completed(end)));
    }

    private List<String> messages(LogFilter filter, Page page) {
        return db().logs().list(filter, page).stream().map(e -> e.log().message()).toList();
    }
}
