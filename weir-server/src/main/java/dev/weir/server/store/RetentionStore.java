package dev.weir.server.store;

import java.time.Instant;

/** Deletes old history in batches, so no single transaction holds the database for long. Thread-safe. */
public interface RetentionStore {

    /**
     * Deletes up to {@code batchSize} finished flow runs (with their task runs, states and logs) that
     * ended before {@code cutoff}, and as many finished task runs outside any flow run.
     *
     * @return how many flow runs and task runs outside flow runs were deleted ({@code events} is 0)
     */
    RetentionResult deleteFinishedRunsBefore(Instant cutoff, int batchSize);

    /** Deletes up to {@code batchSize} events that occurred before {@code cutoff}; returns how many. */
    int deleteEventsBefore(Instant cutoff, int batchSize);

    /**
     * Deletes batch after batch, each in its own transaction, until nothing older than the cutoffs
     * is left; returns the totals.
     */
    default RetentionResult purge(Instant runCutoff, Instant eventCutoff, int batchSize) {
        int flowRuns = 0;
        int taskRuns = 0;
        int events = 0;
        while (true) {
            RetentionResult batch = deleteFinishedRunsBefore(runCutoff, batchSize);
            flowRuns += batch.flowRuns();
            taskRuns += batch.taskRuns();
            if (batch.flowRuns() < batchSize && batch.taskRuns() < batchSize) {
                break;
            }
        }
        int deleted;
        do {
            deleted = deleteEventsBefore(eventCutoff, batchSize);
            events += deleted;
        } while (deleted == batchSize);
        return new RetentionResult(flowRuns, taskRuns, events);
    }
}
