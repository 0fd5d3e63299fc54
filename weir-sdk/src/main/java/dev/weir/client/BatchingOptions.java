package dev.weir.client;

import dev.weir.core.WeirException;
import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link BatchingOrchestrator} batches: how often it sends, how large a batch may grow, and how
 * many log lines may wait before new ones are dropped.
 *
 * @param flushInterval the longest a record waits before it is sent (2 s by default)
 * @param maxTaskRunBatch the most task runs in one batch; a full batch is sent at once (1,000 by default)
 * @param maxLogBatchChars the most characters of log messages in one batch; a
 *     full batch is sent at once (4,000,000 by default); a longer single line travels alone
 * @param logQueueCapacity the most log lines waiting to be sent; lines beyond are dropped, counted and
 *     reported (100,000 by default)
 */
public record BatchingOptions(Duration flushInterval, int maxTaskRunBatch, long maxLogBatchChars, int logQueueCapacity) {

    public BatchingOptions {
        Objects.requireNonNull(flushInterval, "flushInterval");
        if (flushInterval.isNegative() || flushInterval.isZero()) {
            throw new WeirException("flushInterval must be positive, got " + flushInterval);
        }
        positive("maxTaskRunBatch", maxTaskRunBatch);
        positive("maxLogBatchChars", maxLogBatchChars);
        positive("logQueueCapacity", logQueueCapacity);
    }

    private static void positive(String name, long value) {
        if (value < 1) {
            throw new WeirException(name + " must be 1 or more, got " + value);
        }
    }

    /** The defaults: every 2 s, 1,000 task runs or 4,000,000 characters of log text, 100,000 waiting lines. */
    public static BatchingOptions ofDefaults() {
        return new BatchingOptions(Duration.ofSeconds(2), 1_000, 4_000_000, 100_000);
    }

    public BatchingOptions withFlushInterval(Duration value) {
        return new BatchingOptions(value, maxTaskRunBatch, maxLogBatchChars, logQueueCapacity);
    }

    public BatchingOptions withMaxTaskRunBatch(int value) {
        return new BatchingOptions(flushInterval, value, maxLogBatchChars, logQueueCapacity);
    }

    public BatchingOptions withMaxLogBatchChars(long value) {
        return new BatchingOptions(flushInterval, maxTaskRunBatch, value, logQueueCapacity);
    }

    public BatchingOptions withLogQueueCapacity(int value) {
        return new BatchingOptions(flushInterval, maxTaskRunBatch, maxLogBatchChars, value);
    }
}
