package dev.weir.schedule;

import dev.weir.core.WeirException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Month;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;

/**
 * A parsed five-field cron expression, matched against naive local date-times.
 *
 * <p>Day matching follows Prefect's {@code day_or=true}: when both day-of-month and day-of-week are
 * restricted (neither covers its whole range), a day matches if either matches; otherwise both must.
 * The macros {@code @yearly}, {@code @annually}, {@code @monthly}, {@code @weekly}, {@code @daily},
 * {@code @midnight} and {@code @hourly} are accepted. Immutable and thread-safe.
 */
record CronExpression(long minutes, long hours, long daysOfMonth, long months, long daysOfWeek) {

    private static final Map<String, String> MACROS = Map.of(
            "@yearly", "0 0 1 1 *",
            "@annually", "0 0 1 1 *",
            "@monthly", "0 0 1 * *",
            "@weekly", "0 0 * * 0",
            "@daily", "0 0 * * *",
            "@midnight", "0 0 * * *",
            "@hourly", "0 * * * *");

    /** Search horizon: the longest gap between matches of a satisfiable expression (Feb 29) is 8 years. */
    private static final int MAX_YEARS = 9;

    /** Parses an expression, failing with a message that names the field, the value and what is accepted. */
    static CronExpression parse(String expression) {
        if (expression == null || expression.isBlank()) {
            throw new WeirException("cron: missing; accepted: five fields, minute hour day-of-month month day-of-week");
        }
        String text = MACROS.getOrDefault(expression.trim().toLowerCase(java.util.Locale.ROOT), expression.trim());
        String[] fields = text.split("\\s+");
        if (fields.length != 5) {
            throw new WeirException("cron '" + expression + "': has " + fields.length
                    + " fields; accepted: five, minute hour day-of-month month day-of-week");
        }
        CronExpression cron = new CronExpression(
                CronField.MINUTE.parse(fields[0], expression),
                CronField.HOUR.parse(fields[1], expression),
                CronField.DAY_OF_MONTH.parse(fields[2], expression),
                CronField.MONTH.parse(fields[3], expression),
                CronField.DAY_OF_WEEK.parse(fields[4], expression));
        cron.requireSatisfiable(expression);
        return cron;
    }

    /** The first matching minute strictly after {@code after}, within nine years. */
    Optional<LocalDateTime> nextAfter(LocalDateTime after) {
        LocalDateTime t = after.truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
        int lastYear = t.getYear() + MAX_YEARS;
        while (t.getYear() <= lastYear) {
            if (!has(months, t.getMonthValue())) {
                t = t.toLocalDate().withDayOfMonth(1).plusMonths(1).atStartOfDay();
            } else if (!matchesDay(t.toLocalDate())) {
                t = t.toLocalDate().plusDays(1).atStartOfDay();
            } else {
                int hour = nextBit(hours, t.getHour());
                if (hour < 0) {
                    t = t.toLocalDate().plusDays(1).atStartOfDay();
                    continue;
                }
                if (hour > t.getHour()) {
                    t = t.toLocalDate().atTime(hour, 0);
                }
                int minute = nextBit(minutes, t.getMinute());
                if (minute < 0) {
                    t = t.truncatedTo(ChronoUnit.HOURS).plusHours(1);
                    continue;
                }
                return Optional.of(t.withMinute(minute));
            }
        }
        return Optional.empty();
    }

    boolean matchesDay(LocalDate date) {
        boolean dom = has(daysOfMonth, date.getDayOfMonth());
        boolean dow = has(daysOfWeek, date.getDayOfWeek().getValue() % 7);
        boolean domRestricted = daysOfMonth != CronField.DAY_OF_MONTH.all();
        boolean dowRestricted = daysOfWeek != CronField.DAY_OF_WEEK.all();
        return domRestricted && dowRestricted ? dom || dow : dom && dow;
    }

    /** Refuses day-of-month and month combinations that never occur, such as {@code 30 2}. */
    private void requireSatisfiable(String expression) {
        if (daysOfWeek != CronField.DAY_OF_WEEK.all()) {
            return;
        }
        int firstDay = nextBit(daysOfMonth, 1);
        StringBuilder given = new StringBuilder();
        for (Month month : Month.values()) {
            if (has(months, month.getValue())) {
                if (firstDay <= month.maxLength()) {
                    return;
                }
                given.append(given.isEmpty() ? "" : ",").append(month.name(), 0, 3);
            }
        }
        throw new WeirException("cron '" + expression + "': day-of-month " + firstDay + " never occurs in "
                + given + "; accepted: a day that exists in at least one of the months");
    }

    private static boolean has(long mask, int value) {
        return (mask & (1L << value)) != 0;
    }

    /** The smallest set bit at or above {@code from}, or -1. */
    private static int nextBit(long mask, int from) {
        long rest = mask & (-1L << from);
        return rest == 0 ? -1 : Long.numberOfTrailingZeros(rest);
    }
}
