package dev.weir.schedule;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.List;

/**
 * Turns a naive local date-time into an instant under Weir's daylight-saving rules.
 *
 * <p>A local time that occurs twice (fall-back) takes its first occurrence, the offset before the
 * transition. A local time that never occurs (spring-forward gap) fires at the next valid instant,
 * the transition itself: 02:30 in a 02:00-03:00 gap becomes 03:00 in the new offset, not 03:30.
 */
final class LocalTimes {

    private LocalTimes() {}

    static Instant localize(LocalDateTime local, ZoneId zone) {
        ZoneRules rules = zone.getRules();
        List<ZoneOffset> offsets = rules.getValidOffsets(local);
        if (offsets.isEmpty()) {
            ZoneOffsetTransition gap = rules.getTransition(local);
            return gap.getInstant();
        }
        // In an overlap the first offset of the list is the one before the transition.
        return local.toInstant(offsets.get(0));
    }

    static LocalDateTime naive(Instant instant, ZoneId zone) {
        return LocalDateTime.ofInstant(instant, zone);
    }
}
