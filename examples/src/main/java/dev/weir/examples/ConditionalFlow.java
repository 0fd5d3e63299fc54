package dev.weir.examples;

import dev.weir.Flow;
import dev.weir.Task;
import dev.weir.Weir;
import dev.weir.WeirRuntime;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Branching on a task's result: a data-quality check decides whether a batch is loaded or
 * quarantined. Flows are plain Java, so the branch is an {@code if}. A quarantined batch also pages
 * the on-call engineer, which fails here (no pager is configured); the flow catches the task's
 * exception, and a task failure the flow catches does not fail the flow: it ends Completed, the task
 * run Failed.
 *
 * <pre>{@code
 * String outcome = Weir.flows(ConditionalFlow.class).qualityGate("batch-7", 0.2);
 * }</pre>
 */
public class ConditionalFlow {

    static final Path OUTPUT = TaxiEtl.ROOT.resolve("quality-gate");
    private static final double MAX_MISSING_SHARE = 0.05;

    /** What the check found: how many trips lack a passenger count. */
    public record Quality(int rows, int missingPassengerCounts) {
        boolean passes() {
            return missingPassengerCounts <= rows * MAX_MISSING_SHARE;
        }
    }

    /** A batch of 500 trips, a share of them without a passenger count (0). */
    @Task
    List<Trip> receive(String batch, double missingShare) {
        Random random = new Random(batch.hashCode());
        LocalDateTime start = LocalDateTime.of(2021, 1, 1, 0, 0);
        List<Trip> trips = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            LocalDateTime pickup = start.plusMinutes(i * 7L);
            double miles = 0.5 + random.nextDouble() * 10;
            int passengers = random.nextDouble() < missingShare ? 0 : 1 + random.nextInt(4);
            trips.add(new Trip(pickup, pickup.plusMinutes(5 + (long) (miles * 3)), passengers, miles, 3 + miles * 2.5));
        }
        return trips;
    }

    @Task
    Quality check(List<Trip> trips) {
        int missing = (int) trips.stream().filter(t -> t.passengerCount() == 0).count();
        return new Quality(trips.size(), missing);
    }

    @Task
    Path load(List<Trip> trips, String batch) throws IOException {
        return write(OUTPUT.resolve("loaded"), batch, trips.size() + " trips\n");
    }

    @Task
    Path quarantine(String batch, Quality quality) throws IOException {
        return write(OUTPUT.resolve("quarantine"), batch, quality + "\n");
    }

    /** Pages the on-call engineer; always fails here, as no pager is configured. */
    @Task
    void pageOnCall(String message) {
        throw new IllegalStateException("no pager configured; could not send '" + message + "'");
    }

    @Flow(name = "quality-gate", flowRunName = "quality-gate-{batch}")
    String qualityGate(String batch, @DecimalMin("0") @DecimalMax("1") double missingShare) throws IOException {
        List<Trip> trips = receive(batch, missingShare);
        Quality quality = check(trips);
        if (quality.passes()) {
            load(trips, batch);
            return "loaded";
        }
        quarantine(batch, quality);
        try {
            pageOnCall(batch + " quarantined: " + quality);
        } catch (IllegalStateException e) {
            Weir.logger().warn("Could not page on-call ({}); {} stays in quarantine", e.getMessage(), batch);
        }
        return "quarantined";
    }

    private static Path write(Path folder, String batch, String content) throws IOException {
        return Files.writeString(Files.createDirectories(folder).resolve(batch + ".txt"), content);
    }

    static String run(WeirRuntime weir) throws IOException {
        ConditionalFlow gate = weir.flows(ConditionalFlow.class);
        String clean = gate.qualityGate("batch-clean", 0.01);
        String dirty = gate.qualityGate("batch-dirty", 0.2);
        Check.that(clean.equals("loaded"), "the clean batch should be loaded, was " + clean);
        Check.that(dirty.equals("quarantined"), "the dirty batch should be quarantined, was " + dirty);
        return String.format(Locale.ROOT, "batch-clean %s, batch-dirty %s (paging failed and was caught)", clean, dirty);
    }

    public static void main(String[] args) throws IOException {
        System.out.println(Weir.flows(ConditionalFlow.class).qualityGate("batch-dirty", 0.2));
    }
}
