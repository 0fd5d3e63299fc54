package dev.weir.server.service;

import dev.weir.server.store.Database;
import java.time.Duration;
import java.time.InstantSource;

/**
 * Every 15 seconds marks OFFLINE the workers that missed three 30-second heartbeats. Their runs are
 * left alone: a run whose process died is the run heartbeat sweeper's to crash.
 */
public final class MonitorWorkerHeartbeats extends BackgroundService {

    /** How often a worker beats. */
    public static final Duration HEARTBEAT = Duration.ofSeconds(30);
    /** How many beats a worker may miss before it is OFFLINE. */
    public static final int MISSED_BEATS = 3;

    private final Database database;
    private final InstantSource clock;

    public MonitorWorkerHeartbeats(Database database, InstantSource clock) {
        this.database = database;
        this.clock = clock;
    }

    @Override
    protected Duration interval() {
        return Duration.ofSeconds(15);
    }

    @Override
    public void runOnce() {
        markOffline();
    }

    /** One round; returns how many workers went OFFLINE. */
    public int markOffline() {
        return database.workers().markOffline(clock.instant().minus(HEARTBEAT.multipliedBy(MISSED_BEATS)));
    }
}
