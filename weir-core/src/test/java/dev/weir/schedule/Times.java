package dev.weir.schedule;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

/** Test helpers that write instants as local times with their offsets, which is how DST is read. */
final class Times {

    static final ZoneId UTC = ZoneId.of("UTC");
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private Times() {}

    /** An instant from an ISO offset date-time such as {@code 2024-11-03T01:00-04:00}. */
    static Instant at(String offsetDateTime) {
        return OffsetDateTime.parse(offsetDateTime).toInstant();
    }

    /** An instant from a local date-time without offset, read in UTC. */
    static Instant utc(String localDateTime) {
        return LocalDateTime.parse(localDateTime).toInstant(java.time.ZoneOffset.UTC);
    }

    /** Each instant as the local time and offset in {@code zone}, such as {@code 2024-11-03T01:00-04:00}. */
    static List<String> local(List<Instant> instants, ZoneId zone) {
        return instants.stream().map(i -> OffsetDateTime.ofInstant(i, zone).toString()).toList();
    }

    /** The first {@code n} fire times strictly after {@code after}. */
    static List<Instant> firstAfter(Schedule schedule, Instant after, int n) {
        return schedule.between(after.plusNanos(1), Instant.MAX, n);
    }
}
