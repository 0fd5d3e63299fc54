package dev.weir.server.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.core.Ids;
import dev.weir.orchestrator.FlowRunCreate;
import dev.weir.run.RetryPolicy;
import dev.weir.server.orchestration.FlowRunOrchestrator;
import dev.weir.server.store.Database;
import dev.weir.state.State;
import dev.weir.state.StateType;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sweeper of silent runs and the end of stuck cancellations, on a clock the test moves. */
class RunHealthServicesTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private static final Duration BEAT = Duration.ofSeconds(15);

    @TempDir
    Path home;

    private final AtomicReference<Instant> now = new AtomicReference<>(T0);
    private final InstantSource clock = now::get;
    private Database database;
    private FlowRunOrchestrator orchestrator;

    @BeforeEach
    void open() {
        database = Database.open("jdbc:sqlite:" + home.resolve("weir.db"));
        orchestrator = new FlowRunOrchestrator(database, clock, () -> {});
    }

    @AfterEach
    void close() {
        database.close();
    }

    private UUID running(RetryPolicy policy) {
        UUID id = Ids.newId();
        orchestrator.create(new FlowRunCreate(id, null, "etl", null, Map.of(), List.of(), null, policy, State.pending(now.get())), null);
        orchestrator.setState(id, State.running(now.get()), false);
        return id;
    }

    private State state(UUID id) {
        return database.flowRuns().read(id).orElseThrow().run().state();
    }

    private void at(long seconds) {
        now.set(T0.plusSeconds(seconds));
    }

    @Test
    void aRunThatMissesThreeBeatsIsCrashedAndOneThatBeatsIsNot() {
        CrashSilentRuns sweeper = new CrashSilentRuns(database, orchestrator, clock, BEAT);
        UUID silent = running(RetryPolicy.NONE);
        UUID beating = running(RetryPolicy.NONE);

        at(30);
        orchestrator.heartbeat(beating);
        at(45);
        assertThat(sweeper.crashSilent()).as("45 s is not more than 3 beats").isZero();
        at(46);
        assertThat(sweeper.crashSilent()).isEqualTo(1);
        assertThat(state(silent).type()).isEqualTo(StateType.CRASHED);
        assertThat(state(silent).message()).contains("No heartbeat").contains("45 s");
        assertThat(state(beating).type()).isEqualTo(StateType.RUNNING);

        at(76);
        assertThat(sweeper.crashSilent()).as("three beats after its last one").isEqualTo(1);
        assertThat(state(beating).type()).isEqualTo(StateType.CRASHED);
        assertThat(sweeper.crashSilent()).as("a crashed run is not crashed again").isZero();
    }

    @Test
    void aRunOnlyClaimedByAWorkerThatNeverStartedItGoesBackToItsQueue() {
        CrashSilentRuns sweeper = new CrashSilentRuns(database, orchestrator, clock, BEAT);
        UUID claimed = Ids.newId();
        orchestrator.create(new FlowRunCreate(claimed, null, "etl", null, Map.of(), List.of(), null, null,
                State.scheduled(now.get(), now.get())), null);
        orchestrator.setState(claimed, State.pending(now.get()), false);
        UUID starting = Ids.newId();
        orchestrator.create(new FlowRunCreate(starting, null, "etl", null, Map.of(), List.of(), null, null,
                State.scheduled(now.get(), now.get())), null);
        orchestrator.setState(starting, State.pending(now.get()), false);
        orchestrator.setState(starting, State.of(StateType.PENDING, State.SUBMITTING, "", now.get()), false);

        at(46);
        assertThat(sweeper.crashSilent()).isEqualTo(2);
        assertThat(state(claimed).type()).isEqualTo(StateType.SCHEDULED);
        assertThat(state(claimed).details().scheduledTime()).isEqualTo(now.get());
        assertThat(state(claimed).message()).contains("did not start it");
        assertThat(state(starting).type()).as("a worker said it was starting it, then went silent")
                .isEqualTo(StateType.CRASHED);
    }

    @Test
    void aClientWhoseClockIsBehindIsJudgedByWhenTheServerHeardFromIt() {
        CrashSilentRuns sweeper = new CrashSilentRuns(database, orchestrator, clock, BEAT);
        UUID id = Ids.newId();
        Instant clientClock = T0.minusSeconds(600);
        orchestrator.create(new FlowRunCreate(id, null, "etl", null, Map.of(), List.of(), null, null,
                State.pending(clientClock)), null);
        orchestrator.setState(id, State.running(clientClock), false);

        at(30);
        assertThat(sweeper.crashSilent()).as("its states are stamped 10 minutes ago, but it spoke at T0").isZero();
        at(46);
        assertThat(sweeper.crashSilent()).isEqualTo(1);
    }

    @Test
    void aSilentDeploymentRunWithRetriesLeftGoesBackToItsQueue() {
        CrashSilentRuns sweeper = new CrashSilentRuns(database, orchestrator, clock, BEAT);
        UUID run = running(new RetryPolicy(1, 10).withCrashRetries());
        at(50);
        sweeper.crashSilent();
        assertThat(state(run).name()).isEqualTo(State.AWAITING_RETRY);
        assertThat(state(run).details().scheduledTime()).isEqualTo(T0.plusSeconds(60));
    }

    @Test
    void aRunStuckInCancellingIsCancelledAfterFiveMinutes() {
        FinishCancellations finisher = new FinishCancellations(database, orchestrator, clock);
        UUID run = running(RetryPolicy.NONE);
        orchestrator.cancel(run, "on request");
        at(300);
        assertThat(finisher.forceStuck()).isZero();
        at(301);
        assertThat(finisher.forceStuck()).isEqualTo(1);
        assertThat(state(run).type()).isEqualTo(StateType.CANCELLED);
        assertThat(state(run).message()).contains("300 s in Cancelling");
    }

    @Test
    void expiredLeasesAreReaped() {
        ReapExpiredLeases reaper = new ReapExpiredLeases(database, clock);
        UUID run = running(RetryPolicy.NONE);
        UUID deployment = Ids.newId();
        database.concurrencyLeases().acquire(deployment, run, T0.plusSeconds(60), T0);
        at(59);
        assertThat(reaper.reap()).isZero();
        at(60);
        assertThat(reaper.reap()).isEqualTo(1);
        assertThat(database.concurrencyLeases().active(deployment, now.get())).isZero();
    }
}
