package dev.weir.internal.engine;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The wait before each retry: a list of delays (the last repeating) or an exponential backoff, with
 * optional jitter drawn as Prefect's clamped exponential so the mean stays near the base delay.
 */
record RetryDelays(double[] seconds, double backoffFactor, double jitterFactor) {

    static final RetryDelays NONE = new RetryDelays(new double[0], 0, 0);
    static final int MAX_DELAYS = 50;

    /** The wait before retry number {@code retry} (1 for the first retry). */
    Duration before(int retry) {
        double base = baseSeconds(retry);
        double delay = jitterFactor > 0 && base > 0 ? jitter(base, jitterFactor, ThreadLocalRandom.current().nextDouble()) : base;
        return Duration.ofNanos((long) (delay * 1_000_000_000L));
    }

    double baseSeconds(int retry) {
        if (backoffFactor > 0) {
            return backoffFactor * Math.pow(2, Math.min(retry, MAX_DELAYS) - 1);
        }
        if (seconds.length == 0) {
            return 0;
        }
        return seconds[Math.min(retry - 1, seconds.length - 1)];
    }

    /**
     * A delay around {@code base}: an exponential variate of mean {@code base}, truncated to
     * {@code [c·base, (1+f)·base]} with k = 1+f and c = log2(2^k / (2^k - 1)).
     *
     * @param uniform a uniform draw in [0, 1)
     */
    static double jitter(double base, double factor, double uniform) {
        double k = 1 + factor;
        double lowerMultiple = k >= 50 ? 0 : Math.log(Math.pow(2, k) / (Math.pow(2, k) - 1)) / Math.log(2);
        double lower = base * lowerMultiple;
        double upper = base * (1 + factor);
        double lowerCdf = 1 - Math.exp(-lower / base);
        double upperCdf = 1 - Math.exp(-upper / base);
        double u = lowerCdf + uniform * (upperCdf - lowerCdf);
        return -Math.log(Math.max(1 - u, 1e-10)) * base;
    }
}
