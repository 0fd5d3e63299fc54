package dev.weir.schedule;

import java.time.ZoneId;

/**
 * A five-field cron schedule ({@code minute hour day-of-month month day-of-week}) following the wall
 * clock of {@code timezone}.
 *
 * <p>Names ({@code JAN}, {@code MON}), ranges, steps, lists, {@code *} and {@code ?} are accepted,
 * with Prefect's {@code day_or=true}; {@code R}, {@code H}, {@code L}, {@code W} and {@code #} are
 * not. For the daylight-saving rules see {@link CronOccurrences}. A missing timezone (as in JSON
 * without one) is UTC.
 *
 * @param cron the expression, kept as given
 * @param timezone the zone whose wall clock the expression is read in
 */
public record CronSchedule(String cron, ZoneId timezone) implements Schedule {

    public CronSchedule {
        CronExpression.parse(cron);
        if (timezone == null) {
            timezone = ZoneId.of("UTC");
        }
    }
}
