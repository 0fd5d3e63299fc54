package dev.weir.server.service;

import dev.weir.server.store.RetentionResult;
import dev.weir.server.store.RetentionStore;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retention: deletes finished flow runs (with their task runs, states and logs) and events older than
 * the retention period, in batches, every hour. A period of 0 days keeps everything.
 */
public final class DeleteExpiredRuns extends BackgroundService {

    private static final Logger LOG = LoggerFactory.getLogger(DeleteExpiredRuns.class);
    private static final int BATCH = 500;

    private final RetentionStore retention;
    private final InstantSource clock;
    private final int days;

    public DeleteExpiredRuns(RetentionStore retention, InstantSource clock, int days) {
        this.retention = retention;
        this.clock = clock;
        this.days = days;
    }

    @Override
    protected Duration interval() {
        return Duration.ofHours(1);
    }

    /** One round: deletes what is older than the period; public so tests can run a round on demand. */
    @Override
    public void runOnce() {
        if (days == 0) {
            return;
        }
        Instant cutoff = clock.instant().minus(Duration.ofDays(days));
        RetentionResult result = retention.purge(cutoff, cutoff, BATCH);
        LOG.info("Retention deleted {} (older than {})", result, cutoff);
    }
}
