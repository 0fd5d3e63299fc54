package dev.weir.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RetryDelaysTest {

    @Test
    void aListOfDelaysIsUsedInOrderAndItsLastValueRepeats() {
        RetryDelays delays = new RetryDelays(new double[] {1, 10, 60}, 0, 0);
        assertThat(delays.before(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(delays.before(2)).isEqualTo(Duration.ofSeconds(10));
        assertThat(delays.before(3)).isEqualTo(Duration.ofSeconds(60));
        assertThat(delays.before(7)).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void exponentialBackoffDoublesFromItsFactor() {
        RetryDelays delays = new RetryDelays(new double[0], 10, 0);
        assertThat(delays.before(1)).isEqualTo(Duration.ofSeconds(10));
        assertThat(delays.before(2)).isEqualTo(Duration.ofSeconds(20));
        assertThat(delays.before(3)).isEqualTo(Duration.ofSeconds(40));
    }

    @Test
    void noDelaysMeansRetryAtOnce() {
        assertThat(RetryDelays.NONE.before(1)).isZero();
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.2, 0.5, 1, 3})
    void jitterStaysWithinItsBoundsAndKeepsTheMeanNearTheBase(double factor) {
        double base = 10;
        double k = 1 + factor;
        double lower = base * Math.log(Math.pow(2, k) / (Math.pow(2, k) - 1)) / Math.log(2);
        double sum = 0;
        int samples = 20_000;
        for (int i = 0; i < samples; i++) {
            double delay = RetryDelays.jitter(base, factor, ThreadLocalRandom.current().nextDouble());
            assertThat(delay).isBetween(lower - 1e-9, base * (1 + factor) + 1e-9);
            sum += delay;
        }
        assertThat(sum / samples).isCloseTo(base, org.assertj.core.data.Offset.offset(base * 0.25));
    }

    @Test
    void jitterAtTheEndsOfTheUniformDrawHitsTheBounds() {
        assertThat(RetryDelays.jitter(10, 0.5, 0)).isCloseTo(10 * 0.6297, org.assertj.core.data.Offset.offset(0.01));
        assertThat(RetryDelays.jitter(10, 0.5, 1 - 1e-12)).isCloseTo(15, org.assertj.core.data.Offset.offset(0.01));
    }
}
