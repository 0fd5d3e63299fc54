package dev.weir.run;

/**
 * How often, and after what delay, the orchestrator lets a failed flow run try again.
 *
 * @param retries extra attempts after the first
 * @param retryDelaySeconds the wait before each retry
 */
public record RetryPolicy(int retries, double retryDelaySeconds) {

    public static final RetryPolicy NONE = new RetryPolicy(0, 0);

    public RetryPolicy {
        if (retries < 0) {
            throw new IllegalArgumentException("retries must be 0 or more, got " + retries);
        }
        if (retryDelaySeconds < 0) {
            throw new IllegalArgumentException("retryDelaySeconds must be 0 or more, got " + retryDelaySeconds);
        }
    }
}
