package dev.weir.benchmarks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.jobrunr.configuration.JobRunr;
import org.jobrunr.jobs.states.StateName;
import org.jobrunr.scheduling.BackgroundJob;
import org.jobrunr.server.configuration.BackgroundJobServerThreadType;
import org.jobrunr.storage.BackgroundJobServerStatus;
import org.jobrunr.storage.StorageProvider;
import org.jobrunr.storage.sql.sqlite.SqLiteStorageProvider;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * Weir's durable task run against a peer's durable background job, in one run: the same 10,000
 * sequential no-op tasks as {@link EmbeddedOverhead} (one flow run, embedded SQLite orchestrator,
 * batched; one warm-up then five repetitions, median), then 10,000 no-op background jobs through
 * JobRunr OSS (embedded, {@link SqLiteStorageProvider} on a fresh SQLite file through a HikariCP pool
 * of 10 connections (Hikari's default), WAL, synchronous=NORMAL, busy_timeout 10 s; its workers'
 * transactions then sometimes fail with SQLITE_BUSY_SNAPSHOT "database is locked", which JobRunr
 * survives (the jobs are fetched again) and which are counted and reported here; with one connection
 * there are none, but it finished only one page of 1,000 jobs per poll interval when measured; background job server with JobRunr's default worker
 * policy and poll interval), enqueued one by one with {@code BackgroundJob.enqueue(() -> Noop.run())}
 * and waited for by polling the storage's count of SUCCEEDED jobs every 20 ms.
 *
 * <p>The workloads differ: Weir's tasks run one after the other inside one flow run, in the caller's
 * thread, and are written in batches; JobRunr's jobs are enqueued independently (one insert each) and
 * run concurrently by its workers, each picked up, moved to PROCESSING and to SUCCEEDED in the
 * storage. The figure compared is wall time per task or job, from the first enqueue (or the flow's
 * start) to the last one durably finished.
 *
 * <p>Usage: {@code bin/benchmarks jobrunr [count] [connections]}.
 */
public final class JobRunrPeer {

    /** The job: does nothing. */
    public static final class Noop {
        private Noop() {}

        public static void run() {
            // no-op
        }
    }

    private JobRunrPeer() {}

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int connections = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        AtomicLong uncaught = new AtomicLong();
        AtomicLong locked = new AtomicLong();
        Thread.setDefaultUncaughtExceptionHandler((thread, e) -> {
            uncaught.incrementAndGet();
            String text = String.valueOf(e) + " " + e.getCause();
            if (text.contains("database is locked")) {
                locked.incrementAndGet();
            }
            if (uncaught.get() <= 3) {
                System.out.println("uncaught in " + thread.getName() + ": " + text);
            }
        });
        System.out.printf(Locale.ROOT, "JobRunrPeer: %,d tasks/jobs, %d cores, Java %s%n", count,
                Runtime.getRuntime().availableProcessors(), Runtime.version());

        List<Double> weirRuns = new ArrayList<>();
        for (int repetition = 0; repetition < 6; repetition++) {
            double perTask = EmbeddedOverhead.embedded(count);
            if (repetition > 0) {
                weirRuns.add(perTask);
            }
            System.out.printf(Locale.ROOT, "Weir %s %d: %.1f us per durable task run%n",
                    repetition == 0 ? "warm-up" : "repetition", repetition, perTask);
        }
        Collections.sort(weirRuns);
        double weir = weirRuns.get(weirRuns.size() / 2);

        Path dir = Files.createTempDirectory("jobrunr-bench");
        SQLiteConfig sqlite = new SQLiteConfig();
        sqlite.setJournalMode(SQLiteConfig.JournalMode.WAL);
        sqlite.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        sqlite.setBusyTimeout(10_000);
        SQLiteDataSource sqliteSource = new SQLiteDataSource(sqlite);
        sqliteSource.setUrl("jdbc:sqlite:" + dir.resolve("jobrunr.db"));
        HikariConfig pool = new HikariConfig();
        pool.setDataSource(sqliteSource);
        pool.setPoolName("jobrunr-sqlite");
        pool.setMaximumPoolSize(connections);
        HikariDataSource dataSource = new HikariDataSource(pool);
        StorageProvider storage = new SqLiteStorageProvider(dataSource);
        JobRunr.configure().useStorageProvider(storage).useBackgroundJobServer().initialize();
        BackgroundJobServerThreadType threads = BackgroundJobServerThreadType.getDefaultThreadType();
        System.out.printf(Locale.ROOT, "JobRunr: SQLite %s (pool of %d), default worker policy: %s threads, %d workers%n",
                dir.resolve("jobrunr.db"), pool.getMaximumPoolSize(), threads, threads.getDefaultWorkerCount());

        Timing warmup = enqueueAndWait(storage, Math.min(1000, count));
        System.out.printf(Locale.ROOT, "JobRunr warm-up %d jobs: %.1f us per job%n", warmup.jobs, warmup.perJob());
        for (BackgroundJobServerStatus server : storage.getBackgroundJobServers()) {
            System.out.printf(Locale.ROOT, "JobRunr server %s: %d workers, poll interval %d s%n", server.getName(),
                    server.getWorkerPoolSize(), server.getPollIntervalInSeconds());
        }
        Timing jobs = enqueueAndWait(storage, count);
        System.out.printf(Locale.ROOT, "JobRunr %,d jobs: enqueue %.1f us per job; first SUCCEEDED after %.0f ms;"
                        + " all SUCCEEDED after %.0f ms; from first to last SUCCEEDED %.1f us per job%n",
                jobs.jobs, jobs.enqueueNanos / 1000.0 / jobs.jobs, jobs.firstNanos / 1e6, jobs.allNanos / 1e6,
                (jobs.allNanos - jobs.firstNanos) / 1000.0 / jobs.jobs);
        long failed = storage.countJobs(StateName.FAILED);
        System.out.printf(Locale.ROOT, "JobRunr: %d uncaught exceptions in its threads, %d of them \"database is locked\"%n",
                uncaught.get(), locked.get());

        double jobRunr = jobs.perJob();
        double jobRunrProcessing = (jobs.allNanos - jobs.firstNanos) / 1000.0 / jobs.jobs;
        System.out.println();
        System.out.println("| what | us per task or job |");
        System.out.println("|---|---|");
        System.out.printf(Locale.ROOT, "| Weir, embedded SQLite, %,d sequential no-op tasks in one flow run (median of 5) | %.1f |%n", count, weir);
        System.out.printf(Locale.ROOT, "| JobRunr, SQLite, %,d no-op jobs, first enqueue to last SUCCEEDED | %.1f |%n", count, jobRunr);
        System.out.printf(Locale.ROOT, "| JobRunr, the same, first to last SUCCEEDED (without the wait for a poll) | %.1f |%n", jobRunrProcessing);
        System.out.printf(Locale.ROOT, "| JobRunr, enqueue alone | %.1f |%n", jobs.enqueueNanos / 1000.0 / jobs.jobs);
        System.out.printf(Locale.ROOT, "ratio Weir / JobRunr: %.3f end to end, %.3f against first-to-last SUCCEEDED;"
                + " JobRunr FAILED jobs: %d%n", weir / jobRunr, weir / jobRunrProcessing, failed);
        System.exit(0);
    }

    private record Timing(int jobs, long enqueueNanos, long firstNanos, long allNanos) {
        double perJob() {
            return allNanos / 1000.0 / jobs;
        }
    }

    private static Timing enqueueAndWait(StorageProvider storage, int jobs) throws InterruptedException {
        long before = storage.countJobs(StateName.SUCCEEDED);
        long start = System.nanoTime();
        long[] seen = {-1, -1};
        Thread watcher = Thread.ofVirtual().name("watcher").start(() -> {
            long deadline = start + 600_000_000_000L;
            while (true) {
                long done = storage.countJobs(StateName.SUCCEEDED) - before;
                long now = System.nanoTime();
                if (done > 0 && seen[0] < 0) {
                    seen[0] = now - start;
                }
                if (done >= jobs) {
                    seen[1] = now - start;
                    return;
                }
                if (now > deadline) {
                    System.err.println("Only " + done + " of " + jobs + " jobs succeeded in 10 minutes");
                    return;
                }
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        for (int i = 0; i < jobs; i++) {
            BackgroundJob.enqueue(() -> Noop.run());
        }
        long enqueued = System.nanoTime() - start;
        watcher.join();
        if (seen[1] < 0) {
            throw new IllegalStateException("The jobs did not all succeed");
        }
        return new Timing(jobs, enqueued, seen[0], seen[1]);
    }
}
