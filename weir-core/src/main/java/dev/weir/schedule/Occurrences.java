package dev.weir.schedule;

import java.time.Instant;
import java.util.Optional;

/**
 * A schedule compiled for stepping: parsed once, then asked for fire times.
 *
 * <p>Implementations may keep state between calls to step faster when each call starts where the
 * previous one ended; they are therefore not thread-safe and are used by one caller at a time.
 */
interface Occurrences {

    /** The first fire time strictly after {@code after}. */
    Optional<Instant> next(Instant after);

    /** Compiles a schedule. */
    static Occurrences of(Schedule schedule) {
        return switch (schedule) {
            case CronSchedule cron -> new CronOccurrences(CronExpression.parse(cron.cron()), cron.timezone());
            case IntervalSchedule interval -> interval::nextAfter;
            case RRuleSchedule rrule -> RRuleSpec.parse(rrule.rrule(), rrule.timezone()).occurrences();
        };
    }
}
