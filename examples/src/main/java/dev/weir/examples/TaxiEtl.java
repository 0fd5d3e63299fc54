package dev.weir.examples;

import dev.weir.Flow;
import dev.weir.FlowRunException;
import dev.weir.Task;
import dev.weir.Weir;
import dev.weir.WeirRuntime;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.Optional;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Extract, transform, load: the Java form of the Prefect zoomcamp flow {@code etl_web_to_gcs(color,
 * year, month)}. It shows a flow run named from its parameters ({@code yellow-2021-01}), parameters
 * checked by Jakarta constraints before the body runs, a task that retries, and a task whose
 * {@code System.out} goes to the run's log ({@code logPrints}).
 *
 * <pre>{@code
 * Path summary = Weir.flows(TaxiEtl.class).etlWebToLocal("yellow", 2021, 1);
 * }</pre>
 *
 * <p>There is no network here, so {@link #extract} writes a synthetic CSV of a few thousand trips,
 * the same for the same color, year and month, where the original downloads
 * {@code {color}_tripdata_{year}-{month:02}.csv.gz}. {@link #load} writes a daily summary CSV under
 * {@code $TMPDIR/weir-examples/taxi/} where the original uploads Parquet to a bucket.
 */
public class TaxiEtl {

    static final Path ROOT = Path.of(System.getProperty("java.io.tmpdir"), "weir-examples", "taxi");
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final int ROWS = 3_000;

    /** Writes the month's raw trips as CSV, as a download would; some passenger counts are left empty. */
    @Task(retries = 3, retryDelaySeconds = 0.1)
    Path extract(String color, int year, int month) throws IOException {
        String datasetFile = datasetFile(color, year, month);
        Path csv = Files.createDirectories(ROOT.resolve("raw")).resolve(datasetFile + ".csv");
        YearMonth period = YearMonth.of(year, month);
        Random random = new Random(datasetFile.hashCode());
        try (BufferedWriter out = Files.newBufferedWriter(csv)) {
            out.write(Trip.HEADER);
            out.newLine();
            for (int i = 0; i < ROWS; i++) {
                LocalDateTime pickup = period.atDay(1 + random.nextInt(period.lengthOfMonth()))
                        .atTime(random.nextInt(24), random.nextInt(60), random.nextInt(60));
                double miles = Math.round((0.3 + random.nextExponential() * 2.8) * 100) / 100.0;
                LocalDateTime dropoff = pickup.plusSeconds((long) (120 + miles * 180 + random.nextInt(600)));
                double fare = Math.round((3.0 + miles * 2.5) * 2) / 2.0;
                String passengers = random.nextInt(50) == 0 ? "" : String.valueOf(1 + random.nextInt(4));
                out.write(String.join(",", TIMESTAMP.format(pickup), TIMESTAMP.format(dropoff), passengers,
                        String.valueOf(miles), String.valueOf(fare)));
                out.newLine();
            }
        }
        return csv;
    }

    /** Parses the CSV into typed trips and prints a glimpse of them, as {@code clean_it} does. */
    @Task(logPrints = true)
    List<Trip> clean(Path csv) throws IOException {
        List<Trip> trips = new ArrayList<>();
        for (String line : Files.readAllLines(csv).subList(1, ROWS + 1)) {
            String[] f = line.split(",", -1);
            trips.add(new Trip(LocalDateTime.parse(f[0], TIMESTAMP), LocalDateTime.parse(f[1], TIMESTAMP),
                    f[2].isEmpty() ? 0 : Integer.parseInt(f[2]), Double.parseDouble(f[3]), Double.parseDouble(f[4])));
        }
        System.out.println("head: " + trips.subList(0, 2));
        System.out.println("columns: pickup datetime, dropoff datetime, passenger_count int, trip_distance double,"
                + " fare_amount double");
        System.out.println("rows: " + trips.size());
        return trips;
    }

    /** Writes trips, passengers, miles and fares per day to {@code <target>/<datasetFile>-daily.csv}. */
    @Task
    Path load(List<Trip> trips, Path target, String datasetFile) throws IOException {
        Map<LocalDate, double[]> days = new TreeMap<>();
        for (Trip trip : trips) {
            double[] day = days.computeIfAbsent(trip.pickup().toLocalDate(), d -> new double[4]);
            day[0]++;
            day[1] += trip.passengerCount();
            day[2] += trip.tripDistance();
            day[3] += trip.fareAmount();
        }
        Path file = Files.createDirectories(target).resolve(datasetFile + "-daily.csv");
        try (BufferedWriter out = Files.newBufferedWriter(file)) {
            out.write("date,trips,passengers,trip_distance,fare_amount");
            out.newLine();
            for (var day : days.entrySet()) {
                double[] v = day.getValue();
                out.write(String.format(Locale.ROOT, "%s,%.0f,%.0f,%.2f,%.2f", day.getKey(), v[0], v[1], v[2], v[3]));
                out.newLine();
            }
        }
        Weir.logger().info("Wrote {} days of {} trips to {}", days.size(), trips.size(), file);
        return file;
    }

    /** The ETL for one month of one taxi color; returns the summary file it wrote. */
    /** The placeholder task run of the last run's parent, when it ran as a subflow (read by {@link ParentFlow}). */
    volatile Optional<UUID> lastParentTaskRunId = Optional.empty();

    @Flow(name = "etl-web-to-local", flowRunName = "{color}-{year}-{month:02d}")
    Path etlWebToLocal(@Pattern(regexp = "yellow|green") String color, @Min(2009) int year,
            @Min(1) @Max(12) int month) throws IOException {
        lastParentTaskRunId = Weir.context().flowRun().orElseThrow().parentTaskRunId();
        String datasetFile = datasetFile(color, year, month);
        Path raw = extract(color, year, month);
        List<Trip> trips = clean(raw);
        return load(trips, ROOT.resolve("summary"), datasetFile);
    }

    static String datasetFile(String color, int year, int month) {
        return String.format(Locale.ROOT, "%s_tripdata_%d-%02d", color, year, month);
    }

    /** Runs January 2021, then a month 13 that validation must refuse before the body runs. */
    static String run(WeirRuntime weir) throws IOException {
        TaxiEtl etl = weir.flows(TaxiEtl.class);
        Path summary = etl.etlWebToLocal("yellow", 2021, 1);
        long days = Files.readAllLines(summary).size() - 1;
        Check.that(days == 31, "January's summary should have 31 days, got " + days);
        try {
            etl.etlWebToLocal("yellow", 2021, 13);
            throw new AssertionError("month 13 should have been refused");
        } catch (FlowRunException expected) {
            Check.that(expected.getMessage().contains("'month'"), "unexpected refusal: " + expected.getMessage());
        }
        return summary + " (" + days + " days); month 13 refused as expected";
    }

    public static void main(String[] args) throws IOException {
        System.out.println(Weir.flows(TaxiEtl.class).etlWebToLocal("yellow", 2021, 1));
    }
}
