package dev.weir.cli;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** How the CLI writes times and durations, and reads {@code --since}. All times are UTC. */
final class Formats {

    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final Pattern AGE = Pattern.compile("(\\d{1,9})([smhdw])");
    private static final List<Function<String, Instant>> ISO_PARSERS = List.of(
            Instant::parse,
            text -> OffsetDateTime.parse(text).toInstant(),
            text -> LocalDateTime.parse(text).toInstant(ZoneOffset.UTC),
            text -> LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant());

    private Formats() {}

    /** A time to the second, such as {@code 2026-01-31 08:00:00Z}, or {@code -}. */
    static String time(Instant instant) {
        return instant == null ? "-" : SECONDS.format(instant);
    }

    /** A log line's time to the millisecond, such as {@code 2026-01-31T08:00:00.123Z}. */
    static String logTime(Instant instant) {
        return instant == null ? "-" : MILLIS.format(instant);
    }

    /** A duration such as {@code 0.4s}, {@code 12.0s}, {@code 3m 05s} or {@code 2h 01m}. */
    static String duration(Duration duration) {
        long millis = duration.toMillis();
        if (millis < 60_000) {
            return String.format(Locale.ROOT, "%.1fs", millis / 1000.0);
        }
        long seconds = duration.toSeconds();
        if (seconds < 3600) {
            return String.format(Locale.ROOT, "%dm %02ds", seconds / 60, seconds % 60);
        }
        return String.format(Locale.ROOT, "%dh %02dm", seconds / 3600, seconds % 3600 / 60);
    }

    /**
     * The time {@code text} names: an age before {@code now} ({@code 30s}, {@code 15m}, {@code 2h},
     * {@code 7d}, {@code 1w}), an ISO instant or offset time, a local date-time or a date (both UTC).
     *
     * @throws CliException (usage) saying what is accepted
     */
    static Instant since(String text, Instant now) {
        String value = text.strip();
        Matcher age = AGE.matcher(value);
        if (age.matches()) {
            long amount = Long.parseLong(age.group(1));
            ChronoUnit unit = switch (age.group(2)) {
                case "s" -> ChronoUnit.SECONDS;
                case "m" -> ChronoUnit.MINUTES;
                case "h" -> ChronoUnit.HOURS;
                case "d" -> ChronoUnit.DAYS;
                default -> ChronoUnit.WEEKS;
            };
            return now.minus(unit.getDuration().multipliedBy(amount));
        }
        for (Function<String, Instant> parser : ISO_PARSERS) {
            try {
                return parser.apply(value);
            } catch (DateTimeParseException e) {
                // Try the next form.
            }
        }
        throw CliException.usage("--since expects an age such as 30m, 2h or 7d, or an ISO time such as"
                + " 2026-01-31T08:00:00Z or 2026-01-31; got '" + text + "'");
    }
}
