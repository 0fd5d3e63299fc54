package dev.weir.examples;

import dev.weir.Flow;
import dev.weir.Task;
import dev.weir.TaskFuture;
import dev.weir.Weir;
import dev.weir.WeirRuntime;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Concurrent tasks: {@link Weir#submit} starts one task run and returns a {@link TaskFuture};
 * {@link Weir#map} starts one per element, here with the month passed whole to each through
 * {@link Weir#unmapped}; {@link Weir#results} collects the values in order; {@link Weir#waitFor}
 * orders a task after another that hands it no data.
 *
 * <pre>{@code
 * List<ZoneTotal> totals = Weir.flows(ParallelFlow.class).zoneTotals(List.of("Bronx", "Queens"), 1);
 * }</pre>
 *
 * <p>Each zone takes about 200 ms, so eight zones take about 200 ms in all rather than 1.6 s: every
 * submitted task runs on its own virtual thread.
 */
public class ParallelFlow {

    static final Path OUTPUT = TaxiEtl.ROOT.resolve("zones");

    /** Trips and fares of one zone in one month. */
    public record ZoneTotal(String zone, int trips, double fares) {}

    /** Creates the output folder: the publish step depends on it without taking a value from it. */
    @Task
    void createOutput() throws IOException {
        Files.createDirectories(OUTPUT);
    }

    /** Totals one zone's trips; slow, as a query against a warehouse would be. */
    @Task(taskRunName = "zone-total-{zone}")
    ZoneTotal zoneTotal(String zone, int month) throws InterruptedException {
        Thread.sleep(200);
        Random random = new Random(zone.hashCode() * 31L + month);
        int trips = 1_000 + random.nextInt(9_000);
        return new ZoneTotal(zone, trips, Math.round(trips * (12 + random.nextDouble() * 8) * 100) / 100.0);
    }

    @Task
    Path publish(List<ZoneTotal> totals, int month) throws IOException {
        List<String> lines = new ArrayList<>(List.of("zone,trips,fares"));
        totals.forEach(t -> lines.add(String.format(Locale.ROOT, "%s,%d,%.2f", t.zone(), t.trips(), t.fares())));
        return Files.write(OUTPUT.resolve(String.format(Locale.ROOT, "zones-%02d.csv", month)), lines);
    }

    @Flow(name = "zone-totals", flowRunName = "zone-totals-{month:02d}")
    List<ZoneTotal> zoneTotals(List<String> zones, int month) {
        TaskFuture<Void> output = Weir.submit(this::createOutput);
        List<TaskFuture<ZoneTotal>> futures = Weir.map(this::zoneTotal, zones, Weir.unmapped(month));
        List<ZoneTotal> totals = Weir.results(futures);
        Path file = Weir.waitFor(output).submit(this::publish, totals, month).result();
        Weir.logger().info("Published {} zones to {}", totals.size(), file);
        return totals;
    }

    static String run(WeirRuntime weir) {
        List<String> zones = List.of("Bronx", "Brooklyn", "EWR", "Manhattan", "Queens", "Staten Island",
                "JFK Airport", "LaGuardia Airport");
        long start = System.nanoTime();
        List<ZoneTotal> totals = weir.flows(ParallelFlow.class).zoneTotals(zones, 1);
        long millis = (System.nanoTime() - start) / 1_000_000;
        Check.that(totals.stream().map(ZoneTotal::zone).toList().equals(zones), "totals out of order: " + totals);
        Check.that(millis < 8 * 200, "zones ran one after another: " + millis + " ms");
        return totals.size() + " zones in " + millis + " ms (one at a time would take 1600 ms)";
    }

    public static void main(String[] args) {
        System.out.println(Weir.flows(ParallelFlow.class).zoneTotals(List.of("Bronx", "Queens"), 1));
    }
}
