package dev.weir.server.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.schedule.Schedule;
import dev.weir.schedule.UpcomingRuns;
import dev.weir.server.orchestration.FlowRunOrchestrator;
import dev.weir.server.store.Database;
import dev.weir.server.store.DeploymentRecord;
import dev.weir.server.store.FlowRunFilter;
import dev.weir.server.store.FlowRunRecord;
import dev.weir.server.store.FlowRunSort;
import dev.weir.server.store.NewDeployment;
import dev.weir.server.store.NewDeploymentSchedule;
import dev.weir.server.store.Page;
import dev.weir.server.store.ServiceLocks;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.Statement;
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
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * R7 on PostgreSQL: two servers (two {@link Database}s) over one database; each singleton service runs
 * its rounds in one of them at a time, under an advisory lock, and two schedulers never make a slot twice.
 */
class SingletonServicesPostgresTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:30Z");
    private static final Schedule MINUTELY = Schedule.cron("* * * * *", ZoneId.of("UTC"));
    private static EmbeddedPostgres postgres;
    private static final AtomicInteger DATABASES = new AtomicInteger();

    private Database one;
    private Database two;

    @BeforeAll
    static void startPostgres() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        postgres.close();
    }

    @BeforeEach
    void open() throws Exception {
        String name = "singleton_" + DATABASES.incrementAndGet();
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        }
        one = Database.open(postgres.getJdbcUrl("postgres", name));
        two = Database.open(postgres.getJdbcUrl("postgres", name));
    }

    @AfterEach
    void close() {
        one.close();
        two.close();
    }

    /** A service that counts its rounds and notices when two of its kind run one at the same time. */
    private static final class Probe extends BackgroundService {
        private static final AtomicInteger RUNNING = new AtomicInteger();
        private static final AtomicBoolean OVERLAP = new AtomicBoolean();
        final AtomicInteger rounds = new AtomicInteger();

        @Override
        protected Duration interval() {
            return Duration.ofMillis(10);
        }

        @Override
        protected void runOnce() {
            if (RUNNING.incrementAndGet() > 1) {
                OVERLAP.set(true);
            }
            rounds.incrementAndGet();
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                RUNNING.decrementAndGet();
            }
        }
    }

    private static void await(java.util.function.BooleanSupplier condition) {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20))
                .until(condition::getAsBoolean);
    }

    @Test
    void twoServersRunAServiceOneAtATimeAndTheOtherTakesOverWhenTheFirstStops() throws Exception {
        Probe first = new Probe();
        Probe second = new Probe();
        first.start(one.serviceLocks());
        await(() -> first.rounds.get() > 0);
        second.start(two.serviceLocks());
        int started = first.rounds.get();
        await(() -> first.rounds.get() > started + 20); // time enough for the second to have run, were it free

        assertThat(second.rounds.get()).as("the second server's instance waits").isZero();

        first.close();
        await(() -> second.rounds.get() > 10);
        int stopped = first.rounds.get();
        int taken = second.rounds.get();
        await(() -> second.rounds.get() > taken + 10);
        assertThat(first.rounds.get()).as("the stopped instance runs no more rounds").isEqualTo(stopped);
        second.close();
        assertThat(Probe.OVERLAP.get()).as("never two rounds at once").isFalse();
    }

    @Test
    void aLostLockConnectionLosesTheLockAndOnlyOneServerRunsAfterwards() throws Exception {
        Probe first = new Probe();
        Probe second = new Probe();
        assertThat(first.runIfHolder(one.serviceLocks())).isTrue();
        assertThat(second.runIfHolder(two.serviceLocks())).isFalse();

        try (Connection admin = postgres.getPostgresDatabase().getConnection();
                Statement statement = admin.createStatement()) {
            statement.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                    + " WHERE application_name = 'weir-server-locks' AND pid <> pg_backend_pid()");
        }
        // Whoever asks first after the loss wins; then the other is refused again.
        boolean secondWon = second.runIfHolder(two.serviceLocks());
        boolean firstWon = first.runIfHolder(one.serviceLocks());
        assertThat(firstWon ^ secondWon).isTrue();
        assertThat(first.runIfHolder(one.serviceLocks())).isEqualTo(firstWon);
        assertThat(second.runIfHolder(two.serviceLocks())).isEqualTo(secondWon);
    }

    @Test
    void twoInstancesInOneServerAndDifferentServicesDoNotShareALock() {
        Probe first = new Probe();
        Probe second = new Probe();
        MonitorWorkerHeartbeats other = new MonitorWorkerHeartbeats(one, InstantSource.system());

        assertThat(first.runIfHolder(one.serviceLocks())).isTrue();
        assertThat(second.runIfHolder(one.serviceLocks())).as("one holder per lock in a process too").isFalse();
        assertThat(other.runIfHolder(one.serviceLocks())).as("another service has a lock of its own").isTrue();
        assertThat(ServiceLocks.NONE.hold("Probe", second)).isTrue();
        one.serviceLocks().release("Probe", first);
        assertThat(second.runIfHolder(one.serviceLocks())).isTrue();
    }

    private void minutelyDeployments(int count) {
        for (int i = 0; i < count; i++) {
            DeploymentRecord deployment = one.deployments().upsert(new NewDeployment("taxi", "m-" + i,
                    "com.acme.TaxiEtl#etl", null, null, Map.of(), null, true, List.of(), null, "v1", null, null), NOW)
                    .deployment();
            one.deploymentSchedules().replace(deployment.id(),
                    List.of(new NewDeploymentSchedule(MINUTELY, true, Map.of(), null)), NOW);
        }
    }

    @Test
    void twoSchedulersOnOnePostgresNeverCreateASlotTwiceEvenWithoutTheLock() throws Exception {
        minutelyDeployments(5);
        InstantSource clock = () -> NOW;
        List<ScheduleFlowRuns> schedulers = List.of(
                new ScheduleFlowRuns(one, new FlowRunOrchestrator(one, clock, () -> {}), clock),
                new ScheduleFlowRuns(two, new FlowRunOrchestrator(two, clock, () -> {}), clock));
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> rounds = new ArrayList<>();
        int inserted = 0;
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 4; i++) {
                ScheduleFlowRuns scheduler = schedulers.get(i % 2);
                Callable<Integer> round = () -> {
                    start.await();
                    return scheduler.scheduleAll();
                };
                rounds.add(pool.submit(round));
            }
            start.countDown();
            for (Future<Integer> round : rounds) {
                inserted += round.get();
            }
        }
        int window = UpcomingRuns.plan(MINUTELY, NOW, null).size();
        List<FlowRunRecord> runs = one.flowRuns().list(FlowRunFilter.all(), FlowRunSort.EXPECTED_START_TIME_ASC,
                Page.of(10_000, 0));
        assertThat(inserted).isEqualTo(5 * window);
        assertThat(runs).hasSize(5 * window);
        assertThat(runs.stream().map(r -> r.deploymentId() + " " + r.expectedStartTime()).distinct()).hasSize(5 * window);
    }

    @Test
    void underTheLockOnlyOneSchedulerRunsItsRound() {
        minutelyDeployments(2);
        InstantSource clock = () -> NOW;
        ScheduleFlowRuns first = new ScheduleFlowRuns(one, new FlowRunOrchestrator(one, clock, () -> {}), clock);
        ScheduleFlowRuns second = new ScheduleFlowRuns(two, new FlowRunOrchestrator(two, clock, () -> {}), clock);

        assertThat(first.runIfHolder(one.serviceLocks())).isTrue();
        assertThat(second.runIfHolder(two.serviceLocks())).isFalse();
        assertThat(one.flowRuns().list(FlowRunFilter.all(), FlowRunSort.EXPECTED_START_TIME_ASC, Page.of(10_000, 0)))
                .hasSize(2 * UpcomingRuns.plan(MINUTELY, NOW, null).size());
    }
}
