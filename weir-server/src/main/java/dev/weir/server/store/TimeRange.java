package dev.weir.server.store;

import java.time.Instant;

/**
 * A span of time for filters: from {@code from} (inclusive) to {@code to} (exclusive); a null end is
 * open.
 */
public record TimeRange(Instant from, Instant to) {

    /** No bound at all. */
    public static final TimeRange ANY = new TimeRange(null, null);

    public TimeRange {
        if (from != null && to != null && to.isBefore(from)) {
            throw new IllegalArgumentException("A time range must not end (" + to + ") before it starts (" + from + ")");
        }
    }

    public static TimeRange between(Instant from, Instant to) {
        return new TimeRange(from, to);
    }

    /** From {@code from} on, inclusive. */
    public static TimeRange since(Instant from) {
        return new TimeRange(from, null);
    }

    /** Strictly before {@code to}. */
    public static TimeRange before(Instant to) {
        return new TimeRange(null, to);
    }

    /** Whether the range has neither bound. */
    public boolean isUnbounded() {
        return from == null && to == null;
    }
}
