package dev.weir.schedule;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.weir.core.WeirException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Optional;
import java.util.function.LongFunction;

/**
 * A schedule firing every {@code interval}, counted from {@code anchorDate} forwards and backwards.
 *
 * <p>Intervals shorter than 24 hours step in UTC: fire times are {@code anchorDate + k * interval},
 * so at fall-back two runs may show local 1 AM. Intervals of 24 hours or more step on the naive
 * local time of the anchor in {@code timezone} and are re-localized, so a daily schedule keeps its
 * wall-clock time across DST changes; a local time skipped at spring-forward fires at the next valid
 * instant, a repeated one in its first occurrence.
 *
 * <p>In JSON the interval is a number of seconds (fractions allowed) and is read from seconds or an
 * ISO-8601 duration such as {@code "PT1H"}. A missing anchor is the epoch; a missing timezone is UTC.
 *
 * @param interval how often, positive
 * @param anchorDate one fire time, from which the others are counted
 * @param timezone the zone whose wall clock intervals of a day or more keep
 */
public record IntervalSchedule(
        @JsonSerialize(using = IntervalSeconds.Writer.class)
        @JsonDeserialize(using = IntervalSeconds.Reader.class)
        Duration interval,
        Instant anchorDate,
        ZoneId timezone)
        implements Schedule {

    private static final Duration DAY = Duration.ofHours(24);

    public IntervalSchedule {
        if (interval == null || interval.isNegative() || interval.isZero()) {
            throw new WeirException("interval: " + (interval == null ? "missing" : IntervalSeconds.format(interval)
                    + " seconds") + "; accepted: a positive number of seconds or ISO-8601 duration");
        }
        if (anchorDate == null) {
            anchorDate = Instant.EPOCH;
        }
        if (timezone == null) {
            timezone = ZoneId.of("UTC");
        }
    }

    /** The first fire time strictly after {@code after}; empty only past the end of {@link Instant}. */
    Optional<Instant> nextAfter(Instant after) {
        try {
            if (interval.compareTo(DAY) < 0) {
                return Optional.of(first(k -> anchorDate.plus(interval.multipliedBy(k)),
                        Duration.between(anchorDate, after).dividedBy(interval), after));
            }
            LocalDateTime local = LocalTimes.naive(anchorDate, timezone);
            long estimate = Duration.between(local, LocalTimes.naive(after, timezone)).dividedBy(interval);
            return Optional.of(first(k -> LocalTimes.localize(local.plus(interval.multipliedBy(k)), timezone),
                    estimate, after));
        } catch (ArithmeticException | java.time.DateTimeException e) {
            return Optional.empty();
        }
    }

    /**
     * The first {@code at(k)} strictly after {@code after}, for {@code at} increasing in {@code k},
     * searching from an estimate that is off by at most a few steps.
     */
    private static Instant first(LongFunction<Instant> at, long estimate, Instant after) {
        long k = estimate;
        while (at.apply(k).isAfter(after)) {
            k--;
        }
        while (!at.apply(k).isAfter(after)) {
            k++;
        }
        return at.apply(k);
    }
}
