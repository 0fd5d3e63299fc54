package dev.weir;

/**
 * Decides whether a failed task run may be retried. Implementations need a constructor without
 * parameters; one instance serves all runs of the task, so it must be thread-safe.
 */
@FunctionalInterface
public interface RetryCondition {

    /**
     * Whether the task run may try again after {@code failure}.
     *
     * @param task the task run that failed, at the attempt that failed
     */
    boolean shouldRetry(TaskRunInfo task, Throwable failure);

    /** Retries every failure. */
    final class Always implements RetryCondition {
        @Override
        public boolean shouldRetry(TaskRunInfo task, Throwable failure) {
            return true;
        }
    }
}
