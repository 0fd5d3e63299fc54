package dev.weir.schedule;

import dev.weir.core.WeirException;
import java.time.Instant;
import java.time.ZoneId;

/** Argument checks shared by the schedule types, each failing with a {@link WeirException}. */
final class Checks {

    private Checks() {}

    static ZoneId zone(ZoneId zone) {
        if (zone == null) {
            throw new WeirException("timezone: missing; accepted: an IANA zone id such as Europe/Berlin");
        }
        return zone;
    }

    static Instant instant(Instant instant, String name) {
        if (instant == null) {
            throw new WeirException(name + ": missing; accepted: an instant");
        }
        return instant;
    }
}
