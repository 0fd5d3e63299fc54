package dev.weir.schedule;

import dev.weir.core.WeirException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dmfs.rfc5545.DateTime;
import org.dmfs.rfc5545.recur.InvalidRecurrenceRuleException;
import org.dmfs.rfc5545.recur.RecurrenceRule;
import org.dmfs.rfc5545.recur.RecurrenceRuleIterator;

/**
 * A parsed RRule schedule: the naive start, its zone, the rule (without {@code UNTIL}) and the
 * {@code UNTIL} bound as an instant.
 *
 * <p>The rule is expanded by lib-recur on floating (naive) date-times; {@link LocalTimes} turns them
 * into instants. {@code UNTIL} is applied here, after localization, so a UTC {@code UNTIL} and a
 * floating one both compare correctly. The rule is mutable and owned by this value; do not share it.
 */
record RRuleSpec(LocalDateTime start, ZoneId zone, RecurrenceRule rule, Instant until) {

    static final int MAX_LENGTH = 6_500;

    private static final Pattern DTSTART = Pattern.compile(
            "DTSTART(?:;VALUE=DATE(?:-TIME)?)?(?:;TZID=([^:;]+))?(?:;VALUE=DATE(?:-TIME)?)?:(\\d{8})(?:T(\\d{6})(Z)?)?",
            Pattern.CASE_INSENSITIVE);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuuMMdd", Locale.ROOT);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HHmmss", Locale.ROOT);

    static RRuleSpec parse(String text, ZoneId zone) {
        if (text == null || text.isBlank()) {
            throw new WeirException("rrule: missing; accepted: an RFC 5545 RRULE such as FREQ=WEEKLY;BYDAY=MO");
        }
        if (text.length() > MAX_LENGTH) {
            throw new WeirException("rrule: " + text.length() + " characters; accepted: at most " + MAX_LENGTH);
        }
        String ruleText = null;
        LocalDateTime start = null;
        for (String line : text.strip().split("\\s*\\R\\s*")) {
            String upper = line.toUpperCase(Locale.ROOT);
            if (upper.startsWith("DTSTART") && start == null) {
                Matcher m = DTSTART.matcher(line);
                if (!m.matches()) {
                    throw error(text, "DTSTART '" + line + "' is not accepted; accepted: DTSTART:20240101T090000,"
                            + " DTSTART;TZID=Europe/Berlin:20240101T090000 or DTSTART:20240101T080000Z");
                }
                start = startOf(text, m);
                if (m.group(1) != null) {
                    zone = zoneOf(text, m.group(1));
                }
                if (m.group(4) != null) {
                    start = LocalDateTime.ofInstant(start.toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
                    zone = ZoneOffset.UTC;
                }
            } else if ((upper.startsWith("RRULE:") || upper.startsWith("FREQ=")) && ruleText == null) {
                ruleText = upper.startsWith("RRULE:") ? line.substring("RRULE:".length()) : line;
            } else {
                throw error(text, "line '" + line + "' is not accepted; accepted: one optional DTSTART line and one RRULE");
            }
        }
        if (ruleText == null) {
            throw error(text, "has no RRULE; accepted: RRULE:FREQ=... or FREQ=...");
        }
        RecurrenceRule rule;
        try {
            rule = new RecurrenceRule(ruleText, RecurrenceRule.RfcMode.RFC5545_STRICT);
        } catch (InvalidRecurrenceRuleException e) {
            throw error(text, e.getMessage() + "; accepted: an RFC 5545 RRULE");
        }
        if (rule.getCount() != null) {
            throw error(text, "COUNT=" + rule.getCount() + " is not accepted; accepted: UNTIL, or no end");
        }
        if (start == null) {
            start = LocalDateTime.of(1970, 1, 1, 0, 0);
        }
        Instant until = untilOf(rule.getUntil(), zone);
        rule.setUntil(null);
        RRuleSpec spec = new RRuleSpec(start, zone, rule, until);
        spec.requireExpandable(text);
        return spec;
    }

    /** A stepper that continues its iterator when asked for the fire time after the one it last gave. */
    Occurrences occurrences() {
        return new Occurrences() {
            private RecurrenceRuleIterator iterator;
            private Instant last;

            @Override
            public Optional<Instant> next(Instant after) {
                if (iterator == null || last == null || !last.equals(after)) {
                    iterator = iteratorFrom(after);
                }
                while (hasNext(iterator)) {
                    Instant at = LocalTimes.localize(naive(iterator.nextDateTime()), zone);
                    if (until != null && at.isAfter(until)) {
                        break;
                    }
                    if (at.isAfter(after)) {
                        last = at;
                        return Optional.of(at);
                    }
                }
                iterator = null;
                return Optional.empty();
            }
        };
    }

    /**
     * An iterator positioned shortly before {@code after}. For rules whose period has a fixed length
     * on the naive clock (weekly and finer) the start moves forward by whole periods first, which
     * yields the same occurrences (COUNT is refused) without replaying decades of minutely history.
     */
    private RecurrenceRuleIterator iteratorFrom(Instant after) {
        LocalDateTime target = LocalTimes.naive(after, zone).minusDays(2);
        LocalDateTime from = start;
        long period = periodSeconds();
        if (period > 0 && target.isAfter(start)) {
            long elapsed = java.time.Duration.between(start, target).getSeconds();
            from = start.plusSeconds(elapsed / period * period);
        }
        RecurrenceRuleIterator iterator = rule.iterator(floating(from));
        if (target.isAfter(from)) {
            iterator.fastForward(floating(target));
        }
        return iterator;
    }

    /** Whether the rule yields more; lib-recur gives up on rules that filter out too much. */
    private static boolean hasNext(RecurrenceRuleIterator iterator) {
        try {
            return iterator.hasNext();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private long periodSeconds() {
        long unit = switch (rule.getFreq()) {
            case SECONDLY -> 1;
            case MINUTELY -> 60;
            case HOURLY -> 3_600;
            case DAILY -> 86_400;
            case WEEKLY -> 604_800;
            case MONTHLY, YEARLY -> 0;
        };
        return unit * rule.getInterval();
    }

    /** Refuses rules that never yield an occurrence, such as the 31st of February. */
    private void requireExpandable(String text) {
        try {
            RecurrenceRuleIterator iterator = rule.iterator(floating(start));
            if (!iterator.hasNext()) {
                throw error(text, "never occurs; accepted: a rule with at least one occurrence");
            }
            iterator.nextDateTime();
        } catch (IllegalArgumentException e) {
            throw error(text, "never occurs (" + e.getMessage() + "); accepted: a rule with at least one occurrence");
        }
    }

    private static LocalDateTime startOf(String text, Matcher m) {
        try {
            LocalDate date = LocalDate.parse(m.group(2), DATE);
            return m.group(3) == null ? date.atStartOfDay() : date.atTime(java.time.LocalTime.parse(m.group(3), TIME));
        } catch (DateTimeParseException e) {
            throw error(text, "DTSTART '" + m.group(0) + "' is not a valid date-time; accepted: yyyyMMdd'T'HHmmss");
        }
    }

    private static ZoneId zoneOf(String text, String id) {
        try {
            return ZoneId.of(id);
        } catch (DateTimeException e) {
            throw error(text, "TZID '" + id + "' is not a known zone; accepted: an IANA zone id such as Europe/Berlin");
        }
    }

    private static Instant untilOf(DateTime until, ZoneId zone) {
        if (until == null) {
            return null;
        }
        if (until.isAllDay()) {
            LocalDate day = LocalDate.of(until.getYear(), until.getMonth() + 1, until.getDayOfMonth());
            return LocalTimes.localize(day.plusDays(1).atStartOfDay(), zone).minusNanos(1);
        }
        if (until.isFloating()) {
            return LocalTimes.localize(naive(until), zone);
        }
        return Instant.ofEpochMilli(until.getTimestamp());
    }

    private static DateTime floating(LocalDateTime t) {
        return new DateTime(t.getYear(), t.getMonthValue() - 1, t.getDayOfMonth(), t.getHour(), t.getMinute(), t.getSecond());
    }

    private static LocalDateTime naive(DateTime t) {
        return LocalDateTime.of(t.getYear(), t.getMonth() + 1, t.getDayOfMonth(), t.getHours(), t.getMinutes(), t.getSeconds());
    }

    private static WeirException error(String text, String detail) {
        String shown = text.length() > 200 ? text.substring(0, 200) + "..." : text;
        return new WeirException("rrule '" + shown.replaceAll("\\R", "\\\\n") + "': " + detail);
    }
}
