package dev.weir.server.store;

import static dev.weir.server.store.Fixtures.T0;
import static dev.weir.server.store.Fixtures.aFlowRun;
import static dev.weir.server.store.Fixtures.aLog;
import static dev.weir.server.store.Fixtures.at;
import static dev.weir.server.store.Fixtures.moved;
import static dev.weir.server.store.Fixtures.newRun;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.core.Ids;
import dev.weir.orchestrator.FlowRunCreate;
import dev.weir.run.FlowRun;
import dev.weir.run.RetryPolicy;
import dev.weir.state.State;
import dev.weir.state.StateDetails;
import dev.weir.state.StateType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Flow runs: every field round-trips, creates are idempotent, filters, sorts and pages. Part of {@link StoreContract}. */
interface FlowRunContract {

    Database db();

    private FlowRunRecord create(FlowRunCreate create) {
        return db().flowRuns().create(newRun(create, T0)).run();
    }

    private FlowRunRecord create(String flow, Instant created) {
        return db().flowRuns().create(newRun(aFlowRun(flow), created)).run();
    }

    @Test
    default void roundTripsEveryFlowRunField() {
        UUID parent = Ids.newId();
        UUID deployment = Ids.newId();
        StateDetails details = StateDetails.NONE.withScheduledTime(at(60)).withTransitionId(Ids.newId()).notRetriable();
        State scheduled = new State(StateType.SCHEDULED, "Scheduled", "due soon", at(1), details);
        FlowRunCreate create = new FlowRunCreate(Ids.newId(), "nightly-1", "etl", "abc123",
                Map.of("day", "2026-03-01", "limit", 10, "nested", Map.of("a", List.of(1, 2))),
                List.of("b", "a"), parent, new RetryPolicy(3, 2.5), scheduled);
        CreatedFlowRun created = db().flowRuns().create(new NewFlowRun(create, deployment, "key-1", at(2)));

        assertThat(created.inserted()).isTrue();
        FlowRunRecord stored = db().flowRuns().read(create.id()).orElseThrow();
        assertThat(stored).isEqualTo(created.run());
        FlowRun run = stored.run();
        assertThat(run).isEqualTo(new FlowRun(create.id(), "nightly-1", "etl", "abc123", create.parameters(),
                List.of("b", "a"), parent, scheduled, 0, new RetryPolicy(3, 2.5), at(2), null, null, Duration.ZERO));
        assertThat(stored.flowId()).isEqualTo(db().flows().readByName("etl").orElseThrow().id());
        assertThat(stored.deploymentId()).isEqualTo(deployment);
        assertThat(stored.idempotencyKey()).isEqualTo("key-1");
        assertThat(stored.expectedStartTime()).isEqualTo(at(60));
        assertThat(stored.updated()).isEqualTo(at(2));
        assertThat(stored.version()).isEqualTo(1);
        assertThat(db().flowRuns().states(create.id())).extracting(StateRecord::state).containsExactly(scheduled);
    }

    @Test
    default void storesInstantsWithMicrosecondPrecision() {
        Instant precise = Instant.parse("2026-03-01T10:00:00.123456789Z");
        FlowRunRecord run = create(aFlowRun("etl", State.pending(precise)));
        assertThat(run.run().state().timestamp()).isEqualTo(Instant.parse("2026-03-01T10:00:00.123456Z"));
        Instant beforeEpoch = Instant.parse("1969-12-31T23:59:59.999999Z");
        db().logs().insert(List.of(aLog(run.id(), null, "INFO", "old", beforeEpoch)));
        assertThat(db().logs().list(LogFilter.ofFlowRun(run.id()), Page.DEFAULT).getFirst().log().timestamp())
                .isEqualTo(beforeEpoch);
    }

    @Test
    default void createIsIdempotentByIdAndByFlowAndIdempotencyKey() {
        FlowRunCreate first = aFlowRun("etl");
        assertThat(db().flowRuns().create(newRun(first, T0)).inserted()).isTrue();
        CreatedFlowRun again = db().flowRuns().create(newRun(first, at(9)));
        assertThat(again.inserted()).isFalse();
        assertThat(again.run().run().createdAt()).isEqualTo(T0);

        FlowRunRecord keyed = db().flowRuns().create(newRun(aFlowRun("etl"), T0).withIdempotencyKey("k")).run();
        CreatedFlowRun sameKey = db().flowRuns().create(newRun(aFlowRun("etl"), T0).withIdempotencyKey("k"));
        assertThat(sameKey.inserted()).isFalse();
        assertThat(sameKey.run().id()).isEqualTo(keyed.id());
        CreatedFlowRun otherFlow = db().flowRuns().create(newRun(aFlowRun("backup"), T0).withIdempotencyKey("k"));
        assertThat(otherFlow.inserted()).isTrue();
        assertThat(db().flowRuns().count(FlowRunFilter.all())).isEqualTo(3);
        assertThat(db().flowRuns().states(keyed.id())).hasSize(1);
    }

    @Test
    default void filtersAndCountsByStateFlowParentDeploymentAndTimes() {
        UUID parent = Ids.newId();
        UUID deployment = Ids.newId();
        FlowRunRecord a = create("etl", at(0));
        FlowRunRecord b = create("etl", at(10));
        FlowRunCreate child = new FlowRunCreate(Ids.newId(), "child", "sub", null, null, null, parent, null,
                State.pending(T0));
        FlowRunRecord c = db().flowRuns().create(newRun(child, at(20)).withDeployment(deployment)).run();
        db().flowRuns().writeState(b.id(), b.version(), moved(b.run(), State.running(at(30))));

        assertThat(ids(FlowRunFilter.all().withStateTypes(StateType.RUNNING))).containsExactly(b.id());
        assertThat(ids(FlowRunFilter.all().withStateTypes(StateType.PENDING, StateType.RUNNING))).hasSize(3);
        assertThat(ids(FlowRunFilter.all().withFlowNames("etl"))).containsExactly(b.id(), a.id());
        assertThat(ids(FlowRunFilter.all().withParentTaskRun(parent))).containsExactly(c.id());
        assertThat(ids(FlowRunFilter.all().withDeployment(deployment))).containsExactly(c.id());
        assertThat(ids(FlowRunFilter.all().withCreated(TimeRange.between(at(0), at(20))))).containsExactly(b.id(), a.id());
        assertThat(ids(FlowRunFilter.all().withCreated(TimeRange.since(at(10))))).containsExactly(c.id(), b.id());
        assertThat(ids(FlowRunFilter.all().withStartTime(TimeRange.before(at(31))))).containsExactly(b.id());
        assertThat(ids(FlowRunFilter.all().withStartTime(TimeRange.since(at(31))))).isEmpty();
        assertThat(db().flowRuns().count(FlowRunFilter.all().withFlowNames("etl", "sub")
                .withStateTypes(StateType.PENDING))).isEqualTo(2);
    }

    private List<UUID> ids(FlowRunFilter filter) {
        return db().flowRuns().list(filter, FlowRunSort.CREATED_DESC, Page.DEFAULT).stream().map(FlowRunRecord::id).toList();
    }

    @Test
    default void sortsAndPagesFlowRuns() {
        List<FlowRunRecord> runs = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            FlowRunCreate create = new FlowRunCreate(Ids.newId(), "run-" + (char) ('e' - i), "etl", null, null, null,
                    null, null, State.pending(T0));
            runs.add(db().flowRuns().create(newRun(create, at(i))).run());
        }
        FlowRunRecord started = runs.get(1);
        FlowRun running = moved(started.run(), State.running(at(100)));
        FlowRunRecord r = db().flowRuns().writeState(started.id(), started.version(), running);
        db().flowRuns().writeState(r.id(), r.version(), moved(running, State.completed(at(200))));
        FlowRunRecord other = runs.get(3);
        db().flowRuns().writeState(other.id(), other.version(), moved(other.run(), State.running(at(50))));

        assertThat(sorted(FlowRunSort.CREATED_DESC, Page.DEFAULT)).containsExactly(4, 3, 2, 1, 0);
        assertThat(sorted(FlowRunSort.CREATED_ASC, Page.first(2))).containsExactly(0, 1);
        assertThat(sorted(FlowRunSort.CREATED_DESC, Page.of(2, 2))).containsExactly(2, 1);
        assertThat(sorted(FlowRunSort.CREATED_DESC, Page.of(2, 4))).containsExactly(0);
        assertThat(sorted(FlowRunSort.START_TIME_ASC, Page.first(2))).containsExactly(3, 1);
        assertThat(sorted(FlowRunSort.START_TIME_DESC, Page.first(2))).containsExactly(1, 3);
        assertThat(sorted(FlowRunSort.END_TIME_DESC, Page.first(1))).containsExactly(1);
        assertThat(sorted(FlowRunSort.NAME_ASC, Page.DEFAULT)).containsExactly(4, 3, 2, 1, 0);
        assertThat(sorted(FlowRunSort.NAME_DESC, Page.first(1))).containsExactly(0);
    }

    private List<Integer> sorted(FlowRunSort sort, Page page) {
        return db().flowRuns().list(FlowRunFilter.all(), sort, page).stream()
                .map(run -> (int) (Duration.between(T0, run.run().createdAt()).toSeconds()))
                .toList();
    }
}
