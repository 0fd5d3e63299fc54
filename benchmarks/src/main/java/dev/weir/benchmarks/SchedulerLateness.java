package dev.weir.benchmarks;

import dev.weir.schedule.Schedule;
import dev.weir.server.orchestration.FlowRunOrchestrator;
import dev.weir.server.service.ScheduleFlowRuns;
import dev.weir.server.store.Database;
import dev.weir.server.store.DeploymentRecord;
import dev.weir.server.store.FlowRunRecord;
import dev.weir.server.store.NewDeployment;
import dev.weir.server.store.NewDeploymentSchedule;
import dev.weir.server.store.NewWorkPool;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The scheduler at scale: N deployments (10,000 by default) on one work pool, each with an every-minute
 * cron schedule, over a fresh SQLite file or an embedded PostgreSQL, in real time. The scheduler runs
 * its rounds on a platform thread of its own, every {@link ScheduleFlowRuns#TICK} as its service loop
 * does, so that the thread's CPU time (ThreadMXBean) can be read round by round; C claimer threads (4)
 * call {@code FlowRunOrchestrator.claimScheduledRuns(pool, all queues, now, 100)} in a loop as the
 * work-pool route does for a worker, sleeping 250 ms (the route's recheck period) when nothing is due.
 *
 * <p>Lateness of a run = the claimer's clock when its claim returned minus the run's scheduled time.
 * Reported for the slots of the measured window: the whole minutes after the scheduler's first round
 * ended, for M minutes (3 by default); slots never claimed by the end of a 30 s drain count as missing.
 * Then the claimers stop and, for one full-pass period plus a tick, the process's CPU time is read while
 * only the scheduler runs.
 *
 * <p>Usage: {@code bin/benchmarks scheduler [sqlite|postgres|both] [deployments] [minutes] [claimers]}.
 */
public final class SchedulerLateness {

    private static final String POOL = "bench";
    private static final int CLAIM_LIMIT = 100;
    private static final long IDLE_SLEEP_MS = 250;
    /** How far ahead claimers ask for runs (Prefect's workers: 10 s; Weir's worker loop: none). */
    private static Duration prefetch = Duration.ZERO;

    private SchedulerLateness() {}

    public static void main(String[] args) throws Exception {
        String which = args.length > 0 ? args[0] : "both";
        int deployments = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        int minutes = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        int claimers = args.length > 3 ? Integer.parseInt(args[3]) : 4;
        prefetch = Duration.ofSeconds(args.length > 4 ? Integer.parseInt(args[4]) : 0);
        System.out.printf(Locale.ROOT, "SchedulerLateness: %s, %,d deployments (cron * * * * *), %d measured minutes,"
                + " %d claimers, prefetch %d s, %d cores, Java %s, load average %.2f%n", which, deployments, minutes,
                claimers, prefetch.toSeconds(),
                Runtime.getRuntime().availableProcessors(), Runtime.version(), load());
        List<String> rows = new ArrayList<>();
        if (!which.equals("postgres")) {
            Path dir = Files.createTempDirectory("weir-scheduler-bench");
            try (Database database = Database.open("jdbc:sqlite:" + dir.resolve("weir.db"))) {
                rows.add(run("SQLite", database, deployments, minutes, claimers));
            }
        }
        if (!which.equals("sqlite")) {
            try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
                try (Connection connection = postgres.getPostgresDatabase().getConnection();
                        Statement statement = connection.createStatement()) {
                    statement.execute("CREATE DATABASE weir_bench");
                }
                try (Database database = Database.open(postgres.getJdbcUrl("postgres", "weir_bench"))) {
                    rows.add(run("PostgreSQL", database, deployments, minutes, claimers));
                }
            }
        }
        System.out.println();
        System.out.println("| database | deployments | first round s | runs | slots measured | claimed | missing"
                + " | duplicates | prefetch s | lateness p50 ms | p99 ms | max ms | rounds | scheduler thread CPU | process CPU,"
                + " scheduler alone | load average |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        rows.forEach(System.out::println);
    }

    static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static String run(String kind, Database database, int count, int minutes, int claimerCount) throws Exception {
        Instant setup = Instant.now();
        database.workPools().upsert(new NewWorkPool(POOL, "process", null, null, null, false), setup);
        Schedule everyMinute = Schedule.cron("* * * * *", ZoneId.of("UTC"));
        for (int i = 0; i < count; i++) {
            DeploymentRecord deployment = database.deployments().upsert(new NewDeployment("bench", String.format("d-%05d", i),
                    "dev.weir.Bench#run", POOL, null, Map.of("i", i), null, false, List.of(), null, "v1", null, null),
                    setup).deployment();
            database.deploymentSchedules().replace(deployment.id(),
                    List.of(new NewDeploymentSchedule(everyMinute, true, Map.of(), null)), setup);
        }
        System.out.printf(Locale.ROOT, "%s: %,d deployments created in %.1f s%n", kind, count,
                Duration.between(setup, Instant.now()).toMillis() / 1e3);

        FlowRunOrchestrator orchestrator = new FlowRunOrchestrator(database, java.time.InstantSource.system(), () -> {});
        ScheduleFlowRuns scheduler = new ScheduleFlowRuns(database, orchestrator, java.time.InstantSource.system());
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        AtomicLong schedulerCpu = new AtomicLong();
        AtomicLong rounds = new AtomicLong();
        AtomicLong inserted = new AtomicLong();
        AtomicLong firstRoundEnd = new AtomicLong();
        List<String> roundLog = java.util.Collections.synchronizedList(new ArrayList<>());
        Instant started = Instant.now();
        Thread schedulerThread = Thread.ofPlatform().name("bench-scheduler").start(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                long cpu = threads.getCurrentThreadCpuTime();
                long wall = System.nanoTime();
                int made = scheduler.round();
                long spentCpu = threads.getCurrentThreadCpuTime() - cpu;
                long spentWall = System.nanoTime() - wall;
                schedulerCpu.addAndGet(spentCpu);
                inserted.addAndGet(made);
                if (rounds.incrementAndGet() == 1) {
                    firstRoundEnd.set(System.currentTimeMillis());
                }
                if (made > 0 || spentWall > 1_000_000_000L) {
                    roundLog.add(String.format(Locale.ROOT, "round %d at +%.1f s: %,d runs, %.0f ms wall, %.0f ms CPU",
                            rounds.get(), Duration.between(started, Instant.now()).toMillis() / 1e3, made,
                            spentWall / 1e6, spentCpu / 1e6));
                }
                try {
                    Thread.sleep(ScheduleFlowRuns.TICK);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });

        Set<UUID> claimed = ConcurrentHashMap.newKeySet();
        AtomicLong duplicates = new AtomicLong();
        // slot (epoch second) -> lateness samples in microseconds
        Map<Long, List<Long>> lateness = new ConcurrentHashMap<>();
        volatileStop = false;
        List<Thread> claimers = new ArrayList<>();
        for (int c = 0; c < claimerCount; c++) {
            claimers.add(Thread.ofPlatform().name("bench-claimer-" + c).start(() -> {
                while (!volatileStop) {
                    List<FlowRunRecord> runs;
                    try {
                        runs = orchestrator.claimScheduledRuns(POOL, List.of(), Instant.now().plus(prefetch), CLAIM_LIMIT);
                    } catch (RuntimeException e) {
                        System.out.println("claim failed: " + e);
                        runs = List.of();
                    }
                    Instant at = Instant.now();
                    for (FlowRunRecord run : runs) {
                        if (!claimed.add(run.id())) {
                            duplicates.incrementAndGet();
                        }
                        long late = ChronoUnit.MICROS.between(run.expectedStartTime(), at);
                        lateness.computeIfAbsent(run.expectedStartTime().getEpochSecond(),
                                s -> java.util.Collections.synchronizedList(new ArrayList<>())).add(late);
                    }
                    if (runs.isEmpty()) {
                        sleep(IDLE_SLEEP_MS);
                    }
                }
            }));
        }

        long cap = started.toEpochMilli() + Long.getLong("weir.bench.firstRoundCapSeconds", 900) * 1000;
        while (firstRoundEnd.get() == 0) {
            if (System.currentTimeMillis() > cap) {
                volatileStop = true;
                schedulerThread.interrupt();
                String row = String.format(Locale.ROOT, "| %s | %,d | > %.0f (unfinished) | %,d claimed | | | | %d | | | | 0 |"
                        + " | | %.2f |", kind, count, (cap - started.toEpochMilli()) / 1e3, claimed.size(), duplicates.get(), load());
                System.out.println(row);
                for (Thread claimer : claimers) {
                    claimer.join();
                }
                return row;
            }
            sleep(200);
        }
        double firstRound = (firstRoundEnd.get() - started.toEpochMilli()) / 1e3;
        Instant windowStart = Instant.ofEpochMilli(firstRoundEnd.get()).truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(1));
        Instant windowEnd = windowStart.plus(Duration.ofMinutes(minutes));
        System.out.printf(Locale.ROOT, "%s: first round %.1f s (%,d runs); measuring the slots from %s to %s%n", kind,
                firstRound, inserted.get(), windowStart, windowEnd);
        long cpuAtWindow = -1;
        long wallAtWindow = 0;
        while (Instant.now().isBefore(windowEnd)) {
            if (cpuAtWindow < 0 && !Instant.now().isBefore(windowStart)) {
                cpuAtWindow = schedulerCpu.get();
                wallAtWindow = System.nanoTime();
            }
            sleep(200);
        }
        long expected = (long) count * minutes;
        long deadline = System.currentTimeMillis() + 30_000;
        while (inWindow(lateness, windowStart, windowEnd).length < expected && System.currentTimeMillis() < deadline) {
            sleep(200);
        }
        long windowCpu = schedulerCpu.get() - Math.max(0, cpuAtWindow);
        double windowWall = (System.nanoTime() - wallAtWindow) / 1e9;
        double windowLoad = load();
        volatileStop = true;
        for (Thread claimer : claimers) {
            claimer.join();
        }
        long[] samples = inWindow(lateness, windowStart, windowEnd);
        Arrays.sort(samples);
        long early = Arrays.stream(samples).filter(late -> late < 0).count();
        for (Instant minute = windowStart; minute.isBefore(windowEnd); minute = minute.plus(Duration.ofMinutes(1))) {
            long[] one = inWindow(lateness, minute, minute.plus(Duration.ofMinutes(1)));
            Arrays.sort(one);
            System.out.printf(Locale.ROOT, "  slot %s: %,d claimed, lateness p50 %.0f ms, p99 %.0f ms%n", minute, one.length,
                    percentile(one, 0.5), percentile(one, 0.99));
        }
        System.out.printf(Locale.ROOT, "  claimed before their slot (prefetch): %,d%n", early);

        // The scheduler alone: one full pass period and a tick, claimers stopped.
        long processCpu = processCpu();
        long wall = System.nanoTime();
        sleep(ScheduleFlowRuns.FULL_PASS.plus(ScheduleFlowRuns.TICK).toMillis());
        double aloneShare = (processCpu() - processCpu) / (double) (System.nanoTime() - wall);
        schedulerThread.interrupt();
        schedulerThread.join();
        roundLog.stream().limit(40).forEach(line -> System.out.println("  " + line));

        String row = String.format(Locale.ROOT, "| %s | %,d | %.1f | %,d | %,d | %,d | %,d | %d | %d | %.0f | %.0f | %.0f | %d |"
                + " %.2f%% | %.2f%% | %.2f |", kind, count, firstRound, inserted.get(), expected, samples.length,
                expected - samples.length, duplicates.get(), prefetch.toSeconds(), percentile(samples, 0.50), percentile(samples, 0.99),
                samples.length == 0 ? Double.NaN : samples[samples.length - 1] / 1e3, rounds.get(),
                100.0 * windowCpu / (windowWall * 1e9), 100.0 * aloneShare, windowLoad);
        System.out.println(row);
        return row;
    }

    private static volatile boolean volatileStop;

    private static long[] inWindow(Map<Long, List<Long>> lateness, Instant from, Instant to) {
        List<Long> all = new ArrayList<>();
        for (Map.Entry<Long, List<Long>> slot : lateness.entrySet()) {
            if (slot.getKey() >= from.getEpochSecond() && slot.getKey() < to.getEpochSecond()) {
                synchronized (slot.getValue()) {
                    all.addAll(slot.getValue());
                }
            }
        }
        return all.stream().mapToLong(Long::longValue).toArray();
    }

    static long processCpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    static double percentile(long[] sortedMicros, double p) {
        if (sortedMicros.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p * sortedMicros.length) - 1;
        return sortedMicros[Math.max(0, Math.min(sortedMicros.length - 1, index))] / 1e3;
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
