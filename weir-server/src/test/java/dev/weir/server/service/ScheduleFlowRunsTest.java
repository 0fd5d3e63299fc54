package dev.weir.server.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.schedule.Schedule;
import dev.weir.schedule.UpcomingRuns;
import dev.weir.server.orchestration.FlowRunOrchestrator;
import dev.weir.server.store.Database;
import dev.weir.server.store.DeploymentRecord;
import dev.weir.server.store.DeploymentScheduleRecord;
import dev.weir.server.store.FlowRunFilter;
import dev.weir.server.store.FlowRunRecord;
import dev.weir.server.store.FlowRunSort;
import dev.weir.server.store.NewDeployment;
import dev.weir.server.store.NewDeploymentSchedule;
import dev.weir.server.store.Page;
import dev.weir.state.State;
import dev.weir.state.StateType;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScheduleFlowRunsTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:30Z");
    private static final Schedule HOURLY = Schedule.cron("0 * * * *", ZoneId.of("UTC"));

    @TempDir
    Path home;

    private final AtomicReference<Instant> now = new AtomicReference<>(NOW);
    private final InstantSource clock = now::get;
    private Database database;
    private ScheduleFlowRuns scheduler;

    @BeforeEach
    void open() {
        database = Database.open("jdbc:sqlite:" + home.resolve("weir.db"));
        scheduler = newScheduler();
    }

    @AfterEach
    void close() {
        database.close();
    }

    private ScheduleFlowRuns newScheduler() {
        return new ScheduleFlowRuns(database, new FlowRunOrchestrator(database, clock, () -> {}), clock);
    }

    private DeploymentRecord deployment(String name) {
        return database.deployments().upsert(new NewDeployment("taxi", name, "com.acme.TaxiEtl#etl", null, null,
                Map.of("month", 1, "city", "NYC"), null, true, List.of("prod"), null, "v3", null, null), NOW).deployment();
    }

    private DeploymentScheduleRecord schedule(DeploymentRecord deployment, Schedule schedule, boolean active) {
        return database.deploymentSchedules().replace(deployment.id(),
                List.of(new NewDeploymentSchedule(schedule, active, Map.of("month", 2), null)), NOW).getFirst();
    }

    private List<FlowRunRecord> runs() {
        return database.flowRuns().list(FlowRunFilter.all(), FlowRunSort.EXPECTED_START_TIME_ASC, Page.of(1000, 0));
    }

    @Test
    void createsTheWindowsRunsScheduledAtTheirSlotsWithMergedParametersAndTags() {
        DeploymentRecord deployment = deployment("hourly");
        DeploymentScheduleRecord schedule = schedule(deployment, HOURLY, true);

        assertThat(scheduler.scheduleAll()).isEqualTo(3);

        List<FlowRunRecord> runs = runs();
        assertThat(runs).extracting(FlowRunRecord::expectedStartTime).containsExactly(
                Instant.parse("2026-03-01T11:00:00Z"), Instant.parse("2026-03-01T12:00:00Z"),
                Instant.parse("2026-03-01T13:00:00Z"));
        FlowRunRecord first = runs.getFirst();
        assertThat(first.run().state().type()).isEqualTo(StateType.SCHEDULED);
        assertThat(first.run().state().name()).isEqualTo(State.SCHEDULED);
        assertThat(first.run().state().details().scheduledTime()).isEqualTo(Instant.parse("2026-03-01T11:00:00Z"));
        assertThat(first.run().parameters()).isEqualTo(Map.of("month", 2, "city", "NYC"));
        assertThat(first.run().tags()).containsExactly("prod");
        assertThat(first.run().flowVersion()).isEqualTo("v3");
        assertThat(first.deploymentId()).isEqualTo(deployment.id());
        assertThat(first.scheduleId()).isEqualTo(schedule.id());
        assertThat(first.autoScheduled()).isTrue();
        assertThat(first.idempotencyKey())
                .isEqualTo("scheduled " + deployment.id() + " " + schedule.id() + " 2026-03-01T11:00:00Z");
    }

    @Test
    void runningAgainAddsNothingInsideTheWindowAndOnlyTheNewSlotsLater() {
        schedule(deployment("hourly"), HOURLY, true);
        scheduler.scheduleAll();

        assertThat(scheduler.scheduleAll()).isZero();
        assertThat(newScheduler().scheduleAll()).isZero();

        now.set(NOW.plus(Duration.ofMinutes(90)));
        assertThat(scheduler.scheduleAll()).isEqualTo(1);
        assertThat(runs()).extracting(FlowRunRecord::expectedStartTime).last()
                .isEqualTo(Instant.parse("2026-03-01T14:00:00Z"));
        assertThat(runs()).hasSize(4);
    }

    @Test
    void twoSchedulersRunningConcurrentlyOnOneDatabaseNeverCreateASlotTwice() throws Exception {
        for (int i = 0; i < 5; i++) {
            schedule(deployment("every-minute-" + i), Schedule.cron("* * * * *", ZoneId.of("UTC")), true);
        }
        ScheduleFlowRuns other = newScheduler();
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> rounds = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (ScheduleFlowRuns one : List.of(scheduler, other, scheduler, other)) {
                Callable<Integer> round = () -> {
                    start.await();
                    return one.scheduleAll();
                };
                rounds.add(pool.submit(round));
            }
            start.countDown();
            int inserted = 0;
            for (Future<Integer> round : rounds) {
                inserted += round.get();
            }
            int window = UpcomingRuns.plan(Schedule.cron("* * * * *", ZoneId.of("UTC")), NOW, null).size();
            assertThat(inserted).isEqualTo(5 * window);
            assertThat(runs()).hasSize(5 * window);
            assertThat(runs().stream().map(r -> r.deploymentId() + " " + r.expectedStartTime()).distinct())
                    .hasSize(5 * window);
        }
    }

    @Test
    void aPausedDeploymentAndAnInactiveScheduleMakeNoRuns() {
        DeploymentRecord paused = deployment("paused");
        schedule(paused, HOURLY, true);
        database.deployments().setPaused(paused.id(), true, NOW);
        schedule(deployment("inactive"), HOURLY, false);

        assertThat(scheduler.scheduleAll()).isZero();
        assertThat(runs()).isEmpty();

        database.deployments().setPaused(paused.id(), false, NOW);
        assertThat(scheduler.scheduleAll()).isEqualTo(3);
    }

    @Test
    void replacingTheSchedulesDeletesTheUnstartedRunsAndTheNextRoundFollowsTheNewSchedule() {
        DeploymentRecord deployment = deployment("hourly");
        schedule(deployment, HOURLY, true);
        scheduler.scheduleAll();
        FlowRunRecord started = runs().getFirst();
        new FlowRunOrchestrator(database, clock, () -> {}).setState(started.id(), State.pending(NOW), false);

        DeploymentScheduleRecord daily = schedule(deployment, Schedule.cron("0 9 * * *", ZoneId.of("UTC")), true);
        assertThat(runs()).extracting(FlowRunRecord::id).containsExactly(started.id());

        assertThat(scheduler.scheduleAll()).isEqualTo(3);
        assertThat(runs()).filteredOn(r -> daily.id().equals(r.scheduleId()))
                .extracting(FlowRunRecord::expectedStartTime).containsExactly(Instant.parse("2026-03-02T09:00:00Z"),
                        Instant.parse("2026-03-03T09:00:00Z"), Instant.parse("2026-03-04T09:00:00Z"));
    }

    @Test
    void aDailyCronKeepsItsWallClockTimeAcrossTheSpringForward() {
        schedule(deployment("daily"), Schedule.cron("0 9 * * *", ZoneId.of("Europe/Paris")), true);
        now.set(Instant.parse("2026-03-28T00:00:00Z"));

        scheduler.scheduleAll();

        assertThat(runs()).extracting(FlowRunRecord::expectedStartTime).containsExactly(
                Instant.parse("2026-03-28T08:00:00Z"), Instant.parse("2026-03-29T07:00:00Z"),
                Instant.parse("2026-03-30T07:00:00Z"));
    }

    private static final Schedule MINUTELY = Schedule.cron("* * * * *", ZoneId.of("UTC"));

    @Test
    void roundsBetweenFullPassesVisitOnlyWhatChangedAndAFullPassRepairsTheRest() {
        schedule(deployment("a"), HOURLY, true);
        Instant first = NOW.plusSeconds(20);
        now.set(first);
        assertThat(scheduler.round()).as("the first round is a full pass").isEqualTo(3);
        FlowRunRecord deleted = runs().getLast();
        database.flowRuns().delete(deleted.id());

        now.set(first.plus(ScheduleFlowRuns.TICK.multipliedBy(4)));
        DeploymentRecord b = database.deployments().upsert(new NewDeployment("taxi", "b", "com.acme.TaxiEtl#etl", null,
                null, Map.of(), null, true, List.of(), null, "v3", null, null), now.get()).deployment();
        database.deploymentSchedules().replace(b.id(), List.of(new NewDeploymentSchedule(HOURLY, true, Map.of(), null)),
                now.get());
        assertThat(scheduler.round()).as("a new deployment's runs come at the next tick").isEqualTo(3);
        assertThat(runs()).extracting(FlowRunRecord::id).doesNotContain(deleted.id()).hasSize(5);

        now.set(first.plus(ScheduleFlowRuns.TICK.multipliedBy(5)));
        assertThat(scheduler.round()).as("nothing changed").isZero();

        now.set(first.plus(ScheduleFlowRuns.FULL_PASS));
        assertThat(scheduler.round()).as("the full pass makes the deleted slot again").isEqualTo(1);
        assertThat(runs()).hasSize(6);
    }

    @Test
    void aPassOutOfTimeHasTheNearSlotsOfEveryScheduleAndTheNextPassTheRest() {
        for (int i = 0; i < 3; i++) {
            schedule(deployment("m-" + i), MINUTELY, true);
        }
        ScheduleFlowRuns hurried = new ScheduleFlowRuns(database, new FlowRunOrchestrator(database, clock, () -> {}), clock,
                Duration.ZERO);
        int near = (int) UpcomingRuns.plan(MINUTELY, NOW, null).stream()
                .filter(slot -> slot.isBefore(NOW.plus(ScheduleFlowRuns.NEAR))).count();

        assertThat(hurried.scheduleAll()).isEqualTo(3 * near);
        assertThat(runs()).allMatch(run -> run.expectedStartTime().isBefore(NOW.plus(ScheduleFlowRuns.NEAR)));

        int window = UpcomingRuns.plan(MINUTELY, NOW, null).size();
        assertThat(scheduler.scheduleAll()).isEqualTo(3 * (window - near));
        assertThat(runs()).hasSize(3 * window);
        assertThat(scheduler.scheduleAll()).isZero();
    }

    @Test
    void morePagesAndBatchesThanOneMakeEveryWindowOnce() {
        int deployments = ScheduleFlowRuns.PAGE + 7;
        for (int i = 0; i < deployments; i++) {
            schedule(deployment(String.format("m-%03d", i)), MINUTELY, true);
        }
        int window = UpcomingRuns.plan(MINUTELY, NOW, null).size();

        assertThat(scheduler.scheduleAll()).isEqualTo(deployments * window);
        assertThat(scheduler.scheduleAll()).isZero();

        now.set(NOW.plus(Duration.ofMinutes(2)));
        assertThat(scheduler.round()).isEqualTo(deployments * 2);
        assertThat(database.flowRuns().list(FlowRunFilter.all(), FlowRunSort.EXPECTED_START_TIME_ASC,
                Page.of(100_000, 0))).hasSize(deployments * (window + 2));
    }
}
