package dev.weir.schedule;

import java.time.ZoneId;

/**
 * An RFC 5545 recurrence-rule schedule: an optional {@code DTSTART} line and one {@code RRULE}.
 *
 * <p>The rule uses its start date's zone: a {@code DTSTART;TZID=...} sets {@code timezone} (it wins
 * over the zone passed in), a UTC {@code DTSTART ...Z} sets UTC, and a floating or absent
 * {@code DTSTART} is read in {@code timezone}. Without {@code DTSTART} the rule starts at
 * 1970-01-01T00:00 local time in {@code timezone}. Occurrences are expanded on naive local time and
 * re-localized like cron: a skipped local time fires at the next valid instant, a repeated one
 * once. {@code UNTIL} is honoured; {@code COUNT} is refused, because a count depends on history the
 * scheduler does not replay. At most 6,500 characters. A missing timezone is UTC.
 *
 * @param rrule the rule text, kept as given
 * @param timezone the start date's zone
 */
public record RRuleSchedule(String rrule, ZoneId timezone) implements Schedule {

    public RRuleSchedule {
        if (timezone == null) {
            timezone = ZoneId.of("UTC");
        }
        timezone = RRuleSpec.parse(rrule, timezone).zone();
    }
}
