package dev.weir.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FormatsTest {

    private static final Instant NOW = Instant.parse("2026-01-31T12:00:00Z");

    @Test
    void sinceReadsAgesAndIsoTimes() {
        assertThat(Formats.since("2h", NOW)).isEqualTo(Instant.parse("2026-01-31T10:00:00Z"));
        assertThat(Formats.since("30m", NOW)).isEqualTo(Instant.parse("2026-01-31T11:30:00Z"));
        assertThat(Formats.since("7d", NOW)).isEqualTo(Instant.parse("2026-01-24T12:00:00Z"));
        assertThat(Formats.since("1w", NOW)).isEqualTo(Instant.parse("2026-01-24T12:00:00Z"));
        assertThat(Formats.since("2026-01-30T08:00:00Z", NOW)).isEqualTo(Instant.parse("2026-01-30T08:00:00Z"));
        assertThat(Formats.since("2026-01-30T08:00:00+02:00", NOW)).isEqualTo(Instant.parse("2026-01-30T06:00:00Z"));
        assertThat(Formats.since("2026-01-30T08:00", NOW)).isEqualTo(Instant.parse("2026-01-30T08:00:00Z"));
        assertThat(Formats.since("2026-01-30", NOW)).isEqualTo(Instant.parse("2026-01-30T00:00:00Z"));
    }

    @Test
    void sinceRefusesAnythingElseAsAUsageError() {
        assertThatThrownBy(() -> Formats.since("2 hours", NOW)).isInstanceOfSatisfying(CliException.class,
                error -> assertThat(error.exitCode()).isEqualTo(2));
    }

    @Test
    void durationsAreShortAndHumanReadable() {
        assertThat(Formats.duration(Duration.ofMillis(420))).isEqualTo("0.4s");
        assertThat(Formats.duration(Duration.ofSeconds(185))).isEqualTo("3m 05s");
        assertThat(Formats.duration(Duration.ofMinutes(121))).isEqualTo("2h 01m");
    }
}
