package dev.weir.server.service;

import dev.weir.server.store.Database;
import java.time.Duration;
import java.time.InstantSource;

/**
 * Every 5 seconds deletes the concurrency-slot leases nobody renewed in time. Expired leases already
 * count for nothing; this keeps the table small.
 */
public final class ReapExpiredLeases extends BackgroundService {

    private final Database database;
    private final InstantSource clock;

    public ReapExpiredLeases(Database database, InstantSource clock) {
        this.database = database;
        this.clock = clock;
    }

    @Override
    protected Duration interval() {
        return Duration.ofSeconds(5);
    }

    @Override
    public void runOnce() {
        reap();
    }

    /** One round; returns how many leases it deleted. */
    public int reap() {
        return database.concurrencyLeases().deleteExpired(clock.instant());
    }
}
