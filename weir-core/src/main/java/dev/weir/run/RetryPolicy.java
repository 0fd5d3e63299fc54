package dev.weir.run;

/**
 * How often, and after what delay, the orchestrator lets a failed flow run try again.
 *
 * @param retries extra attempts after the first
 * @param retryDelaySeconds the wait before each retry
 * @param retryCrashes whether a run that crashed while running is retried as a failed one is; true for
 *     deployment runs (a worker picks the retry up), false for runs of a process that is gone with its crash
 */
public record RetryPolicy(int retries, double retryDelaySeconds, boolean retryCrashes) {

    public static final RetryPolicy NONE = new RetryPolicy(0, 0);

    public RetryPolicy {
        if (retries < 0) {
            throw new IllegalArgumentException("retries must be 0 or more, got " + retries);
        }
        if (retryDelaySeconds < 0) {
            throw new IllegalArgumentException("retryDelaySeconds must be 0 or more, got " + retryDelaySeconds);
        }
    }

    /** A policy that retries failures only, not crashes. */
    public RetryPolicy(int retries, double retryDelaySeconds) {
        this(retries, retryDelaySeconds, false);
    }

    /** This policy, retrying crashes too. */
    public RetryPolicy withCrashRetries() {
        return new RetryPolicy(retries, retryDelaySeconds, true);
    }
}
