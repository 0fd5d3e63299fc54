package dev.weir.benchmarks;

import dev.weir.Flow;
import dev.weir.Task;
import dev.weir.Weir;
import dev.weir.WeirRuntime;
import dev.weir.client.Orchestrators;
import dev.weir.server.embedded.EmbeddedOrchestrator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The durable cost of a task run in embedded mode: one flow run of 10,000 sequential no-op tasks
 * recorded in a fresh SQLite database (batched, flushed before the flow's final state and at close),
 * per task, against the floor of one SQLite commit per row (WAL, synchronous=NORMAL, one INSERT of a
 * task-run-sized row per transaction) measured in the same run. One warm-up, then five repetitions,
 * each on a new database; medians are reported.
 *
 * <p>Usage: {@code bin/benchmarks embedded [tasks]}.
 */
public final class EmbeddedOverhead {

    /** The flow measured: {@code n} no-op tasks in a row. */
    public static class Work {
        @Task
        int noop(int i) {
            return i;
        }

        @Flow
        long run(int n) {
            long sum = 0;
            for (int i = 0; i < n; i++) {
                sum += noop(i);
            }
            return sum;
        }
    }

    private EmbeddedOverhead() {}

    public static void main(String[] args) throws Exception {
        int tasks = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        List<Double> weir = new ArrayList<>();
        List<Double> floor = new ArrayList<>();
        for (int repetition = 0; repetition < 6; repetition++) {
            double perTask = embedded(tasks);
            double perCommit = commitPerRow(tasks);
            if (repetition > 0) {
                weir.add(perTask);
                floor.add(perCommit);
            }
            System.out.printf(Locale.ROOT, "%s %d: %.1f us per task run, %.1f us per SQLite commit%n",
                    repetition == 0 ? "warm-up" : "repetition", repetition, perTask, perCommit);
        }
        double task = median(weir);
        double commit = median(floor);
        System.out.printf(Locale.ROOT, "median: %.1f us per durable task run; floor %.1f us per commit; ratio %.2f%n",
                task, commit, task / commit);
    }

    /** One flow run of {@code tasks} no-op tasks, recorded in a fresh SQLite file: microseconds per task. */
    static double embedded(int tasks) throws Exception {
        Path dir = Files.createTempDirectory("weir-embedded-bench");
        String url = "jdbc:sqlite:" + dir.resolve("weir.db");
        long start;
        long end;
        try (WeirRuntime runtime = Weir.configure(config -> config.logLevel("WARN")
                .orchestrator(Orchestrators.batching(EmbeddedOrchestrator.open(url))))) {
            Work work = runtime.flows(Work.class);
            work.run(10);
            start = System.nanoTime();
            work.run(tasks);
            runtime.orchestrator().flush();
            end = System.nanoTime();
        }
        return (end - start) / 1000.0 / tasks;
    }

    private static double commitPerRow(int rows) throws Exception {
        Path dir = Files.createTempDirectory("weir-sqlite-floor");
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("floor.db"))) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("PRAGMA journal_mode=WAL");
                statement.execute("PRAGMA synchronous=NORMAL");
                statement.execute("CREATE TABLE task_runs (id TEXT PRIMARY KEY, name TEXT, state TEXT, details TEXT)");
            }
            connection.setAutoCommit(true);
            long start = System.nanoTime();
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO task_runs VALUES (?, ?, ?, ?)")) {
                for (int i = 0; i < rows; i++) {
                    insert.setString(1, UUID.randomUUID().toString());
                    insert.setString(2, "noop-" + i);
                    insert.setString(3, "COMPLETED");
                    insert.setString(4, "{\"retriable\":true}");
                    insert.executeUpdate();
                }
            }
            return (System.nanoTime() - start) / 1000.0 / rows;
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
