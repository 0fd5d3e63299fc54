package dev.weir.schedule;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Optional;

/**
 * Cron fire times: the expression is matched on naive local time in the zone, then each match is
 * re-localized (Prefect PR #10678).
 *
 * <p>So cron follows the wall clock once per new local time: at fall-back the repeated local hour
 * fires only in its first occurrence (an hourly cron has a two-hour gap, no doubled 1 AM), and a
 * daily 09:00 stays 09:00. A local time skipped at spring-forward fires at the next valid instant,
 * and a match that re-localizes to an instant not after {@code after} (the repeated hour, or a
 * second match collapsed onto the same gap) is passed over, so no instant fires twice.
 */
record CronOccurrences(CronExpression expression, ZoneId zone) implements Occurrences {

    @Override
    public Optional<Instant> next(Instant after) {
        LocalDateTime cursor = LocalTimes.naive(after, zone);
        while (true) {
            Optional<LocalDateTime> match = expression.nextAfter(cursor);
            if (match.isEmpty()) {
                return Optional.empty();
            }
            Instant at = LocalTimes.localize(match.get(), zone);
            if (at.isAfter(after)) {
                return Optional.of(at);
            }
            cursor = match.get();
        }
    }
}
