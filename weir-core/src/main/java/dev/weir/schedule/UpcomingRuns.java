package dev.weir.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The scheduler's window: which runs of a schedule to create now.
 *
 * <p>The window is the fewest consecutive fire times from {@code now} (inclusive) that meet, in
 * priority order: at most {@value #MAX_RUNS} runs; none later than {@link #MAX_AHEAD} (100 days)
 * after {@code now}; at least {@value #MIN_RUNS} runs; the last at least {@link #MIN_AHEAD} (1 hour)
 * after {@code now}. The two caps win over the two minimums: fire times are taken one by one while
 * both caps hold, and taking stops as soon as both minimums are met. So a yearly cron gets only the
 * runs inside 100 days (one or none), a minutely cron gets the 61 runs of the next hour, and a
 * ten-second interval stops at 100 runs, short of an hour.
 *
 * <p>Planning is incremental: runs up to {@code lastScheduled} already exist, so only the window's
 * runs strictly after it are returned. Those earlier runs still count towards the window, which
 * keeps repeated planning from growing the backlog, and nothing before {@code now} is ever
 * replayed: the work per call is at most {@value #MAX_RUNS} steps of the schedule.
 */
public final class UpcomingRuns {

    /** The most runs the window holds (Prefect's {@code MAX_RUNS}). */
    public static final int MAX_RUNS = 100;
    /** How far ahead the window may reach (Prefect's {@code MAX_SCHEDULED_TIME}). */
    public static final Duration MAX_AHEAD = Duration.ofDays(100);
    /** The fewest runs the window holds when the caps allow (Prefect's {@code MIN_RUNS}). */
    public static final int MIN_RUNS = 3;
    /** How far ahead the window reaches at least when the caps allow (Prefect's {@code MIN_SCHEDULED_TIME}). */
    public static final Duration MIN_AHEAD = Duration.ofHours(1);

    private UpcomingRuns() {}

    /**
     * The runs to create: the window's fire times not earlier than {@code now} and strictly after
     * {@code lastScheduled}, in order.
     *
     * @param lastScheduled the latest run already created for this schedule, or null if none
     */
    public static List<Instant> plan(Schedule schedule, Instant now, Instant lastScheduled) {
        Objects.requireNonNull(schedule, "schedule");
        Checks.instant(now, "now");
        Instant end = now.plus(MAX_AHEAD);
        if (lastScheduled != null && !lastScheduled.isBefore(end)) {
            return List.of();
        }
        Instant enough = now.plus(MIN_AHEAD);
        Occurrences occurrences = Occurrences.of(schedule);
        List<Instant> out = new ArrayList<>();
        int taken = 0;
        Instant cursor = now.minusNanos(1);
        while (taken < MAX_RUNS) {
            Optional<Instant> next = occurrences.next(cursor);
            if (next.isEmpty() || next.get().isAfter(end)) {
                break;
            }
            cursor = next.get();
            taken++;
            if (lastScheduled == null || cursor.isAfter(lastScheduled)) {
                out.add(cursor);
            }
            if (taken >= MIN_RUNS && !cursor.isBefore(enough)) {
                break;
            }
        }
        return List.copyOf(out);
    }
}
