package dev.weir;

import java.time.Duration;

/**
 * Waits for a while: the engine's only way to pass time, injected so that tests run retries and
 * scheduled waits on virtual time.
 */
@FunctionalInterface
public interface Sleeper {

    /** Blocks for {@code duration}; throws {@link InterruptedException} if interrupted. */
    void sleep(Duration duration) throws InterruptedException;

    /** Sleeps on the real clock. */
    static Sleeper system() {
        return duration -> {
            if (!duration.isNegative() && !duration.isZero()) {
                Thread.sleep(duration);
            }
        };
    }
}
