package dev.weir.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

    private static Backoff backoff(double random) {
        return new Backoff(Duration.ofSeconds(1), () -> random, InstantSource.fixed(NOW));
    }

    @Test
    void doublesTheDelayWithEachRetry() {
        assertThat(backoff(0).delay(1, Optional.empty())).isEqualTo(Duration.ofSeconds(2));
        assertThat(backoff(0).delay(2, Optional.empty())).isEqualTo(Duration.ofSeconds(4));
        assertThat(backoff(0).delay(5, Optional.empty())).isEqualTo(Duration.ofSeconds(32));
    }

    @Test
    void addsAtMostAFifthAsJitter() {
        assertThat(backoff(0.5).delay(1, Optional.empty())).isEqualTo(Duration.ofMillis(2200));
        assertThat(backoff(0.999).delay(3, Optional.empty())).isLessThan(Duration.ofMillis(9600));
    }

    @Test
    void honoursRetryAfterInSeconds() {
        assertThat(backoff(0).delay(4, Optional.of("7"))).isEqualTo(Duration.ofSeconds(7));
        assertThat(backoff(0.5).delay(4, Optional.of(" 10 "))).isEqualTo(Duration.ofSeconds(11));
    }

    @Test
    void honoursRetryAfterAsAnHttpDate() {
        assertThat(backoff(0).delay(1, Optional.of("Mon, 01 Jun 2026 12:00:05 GMT"))).isEqualTo(Duration.ofSeconds(5));
        assertThat(backoff(0).delay(1, Optional.of("Mon, 01 Jun 2026 11:59:00 GMT"))).isEqualTo(Duration.ZERO);
    }

    @Test
    void fallsBackToBackoffWhenRetryAfterIsUnreadable() {
        assertThat(backoff(0).delay(2, Optional.of("soon"))).isEqualTo(Duration.ofSeconds(4));
    }

    @Test
    void capsAVeryLongRetryAfter() {
        assertThat(backoff(0).delay(1, Optional.of("86400"))).isEqualTo(Backoff.MAX_RETRY_AFTER);
    }
}
