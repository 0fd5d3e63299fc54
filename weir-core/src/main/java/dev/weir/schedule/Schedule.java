package dev.weir.schedule;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.weir.core.WeirException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * When a deployment runs: a cron expression, a fixed interval or an RFC 5545 recurrence rule, each
 * in a timezone.
 *
 * <p>Values are immutable and thread-safe. Invalid input is refused when the schedule is built, with
 * a {@link WeirException} naming the field, the value and what is accepted.
 *
 * <p>In JSON a schedule is an object with a {@code type} of {@code cron}, {@code interval} or
 * {@code rrule}; read and write it with {@link dev.weir.core.Json#mapper()}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = CronSchedule.class, name = "cron"),
    @JsonSubTypes.Type(value = IntervalSchedule.class, name = "interval"),
    @JsonSubTypes.Type(value = RRuleSchedule.class, name = "rrule")
})
public sealed interface Schedule permits CronSchedule, IntervalSchedule, RRuleSchedule {

    /** A five-field cron schedule ({@code minute hour day-of-month month day-of-week}) in a zone. */
    static CronSchedule cron(String expression, ZoneId zone) {
        return new CronSchedule(expression, Checks.zone(zone));
    }

    /** A schedule firing every {@code every}, counted from {@code anchor}, in a zone. */
    static IntervalSchedule interval(Duration every, Instant anchor, ZoneId zone) {
        if (anchor == null) {
            throw new WeirException("interval anchorDate: missing; accepted: an instant");
        }
        return new IntervalSchedule(every, anchor, Checks.zone(zone));
    }

    /** An RFC 5545 recurrence-rule schedule; a floating or absent DTSTART is read in {@code zone}. */
    static RRuleSchedule rrule(String rrule, ZoneId zone) {
        return new RRuleSchedule(rrule, Checks.zone(zone));
    }

    /** The zone whose wall clock the schedule follows. */
    ZoneId timezone();

    /** The first fire time strictly after {@code after}, or empty when the schedule never fires again. */
    default Optional<Instant> next(Instant after) {
        return Occurrences.of(this).next(Checks.instant(after, "after"));
    }

    /**
     * The fire times in {@code [from, to)}, in order, at most {@code max} of them.
     *
     * @throws WeirException if {@code max} is negative or {@code to} is before {@code from}
     */
    default List<Instant> between(Instant from, Instant to, int max) {
        Checks.instant(from, "from");
        Checks.instant(to, "to");
        if (max < 0) {
            throw new WeirException("between max: " + max + " is negative; accepted: 0 or more");
        }
        if (to.isBefore(from)) {
            throw new WeirException("between to: " + to + " is before from " + from);
        }
        Occurrences occurrences = Occurrences.of(this);
        List<Instant> out = new ArrayList<>();
        Instant cursor = from.minusNanos(1);
        while (out.size() < max) {
            Optional<Instant> next = occurrences.next(cursor);
            if (next.isEmpty() || !next.get().isBefore(to)) {
                break;
            }
            out.add(next.get());
            cursor = next.get();
        }
        return List.copyOf(out);
    }
}
