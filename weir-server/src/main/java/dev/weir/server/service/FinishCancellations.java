package dev.weir.server.service;

import dev.weir.server.orchestration.FlowRunOrchestrator;
import dev.weir.server.store.Database;
import dev.weir.server.store.FlowRunRecord;
import dev.weir.state.State;
import dev.weir.state.StateType;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.NoSuchElementException;

/**
 * Every 20 seconds ends Cancelled the runs stuck in Cancelling for more than {@link #TIMEOUT}, as when
 * the worker that should stop them is gone; the cancellation then cascades to their task runs and
 * subflows as any other does.
 */
public final class FinishCancellations extends BackgroundService {

    /** How long a run may stay Cancelling. */
    public static final Duration TIMEOUT = Duration.ofSeconds(300);
    private static final int BATCH = 200;

    private final Database database;
    private final FlowRunOrchestrator orchestrator;
    private final InstantSource clock;

    public FinishCancellations(Database database, FlowRunOrchestrator orchestrator, InstantSource clock) {
        this.database = database;
        this.orchestrator = orchestrator;
        this.clock = clock;
    }

    @Override
    protected Duration interval() {
        return Duration.ofSeconds(20);
    }

    @Override
    public void runOnce() {
        forceStuck();
    }

    /** One round; returns how many runs it ended Cancelled. */
    public int forceStuck() {
        Instant now = clock.instant();
        int forced = 0;
        for (FlowRunRecord run : database.flowRuns().listInStateSince(StateType.CANCELLING, now.minus(TIMEOUT), BATCH)) {
            try {
                orchestrator.setState(run.id(), State.cancelled(now, "Cancelled after " + TIMEOUT.toSeconds()
                        + " s in Cancelling: nothing reported the run's process stopped"), false);
                forced++;
            } catch (NoSuchElementException deleted) {
                // Deleted since it was listed.
            }
        }
        return forced;
    }
}
