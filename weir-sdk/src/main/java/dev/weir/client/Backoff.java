package dev.weir.client;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * How long the API client waits before a retry: the server's {@code Retry-After} when it sent one
 * (seconds or an HTTP date, at most {@link #MAX_RETRY_AFTER}), else {@code base · 2ⁿ} for retry n
 * (2 s, 4 s, 8 s, ... with a base of 1 s, as Prefect's client does); then up to 20% more at random, so
 * that clients refused together do not come back together.
 *
 * @param random a source of numbers in [0, 1) for the jitter
 * @param clock the time an HTTP-date {@code Retry-After} is measured from
 */
record Backoff(Duration base, DoubleSupplier random, InstantSource clock) {

    /** The largest share of a delay added as jitter. */
    static final double JITTER = 0.2;

    /** The longest {@code Retry-After} honoured; a longer one (a misconfigured proxy, say) is cut to this. */
    static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(60);

    /** The wait before retry {@code retry} (1 for the first), given the answer's {@code Retry-After} header. */
    Duration delay(int retry, Optional<String> retryAfter) {
        Duration delay = retryAfter.flatMap(this::retryAfter).orElseGet(() -> base.multipliedBy(1L << retry));
        long jitterNanos = (long) (delay.toNanos() * JITTER * random.getAsDouble());
        return delay.plusNanos(jitterNanos);
    }

    private Optional<Duration> retryAfter(String header) {
        String value = header.trim();
        Duration delay;
        if (value.matches("\\d{1,9}")) {
            delay = Duration.ofSeconds(Long.parseLong(value));
        } else {
            try {
                Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                delay = Duration.between(clock.instant(), at);
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        }
        if (delay.isNegative()) {
            return Optional.of(Duration.ZERO);
        }
        return Optional.of(delay.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : delay);
    }
}
