package dev.weir.server.service;

import dev.weir.orchestrator.StateDecision;
import dev.weir.server.orchestration.FlowRunOrchestrator;
import dev.weir.server.store.Database;
import dev.weir.server.store.FlowRunRecord;
import dev.weir.state.State;
import dev.weir.state.StateDetails;
import dev.weir.state.StateType;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Every 5 seconds deals with the runs whose process is gone: PENDING, RUNNING or PAUSED runs that
 * missed {@link #MISSED_BEATS} heartbeats (timed from their last state change when they never beat),
 * as when a worker or its machine died with them. A run still only claimed ({@code Pending}: no worker
 * said it is starting it, as when the claim's answer went to a worker that had died) goes back to its
 * queue, due now; any other is marked Crashed. The change goes through orchestration, so a crashed
 * deployment run with retries left goes back to its queue, and a run that moved on meanwhile is left.
 */
public final class CrashSilentRuns extends BackgroundService {

    /** How many beats a run may miss before it is Crashed. */
    public static final int MISSED_BEATS = 3;
    private static final int BATCH = 200;

    private final Database database;
    private final FlowRunOrchestrator orchestrator;
    private final InstantSource clock;
    private final Duration heartbeat;

    /** @param heartbeat how often runs beat */
    public CrashSilentRuns(Database database, FlowRunOrchestrator orchestrator, InstantSource clock, Duration heartbeat) {
        this.database = database;
        this.orchestrator = orchestrator;
        this.clock = clock;
        this.heartbeat = heartbeat;
    }

    @Override
    protected Duration interval() {
        return Duration.ofSeconds(5);
    }

    @Override
    public void runOnce() {
        crashSilent();
    }

    /** One round; returns how many runs it marked Crashed or sent back to their queue. */
    public int crashSilent() {
        Instant now = clock.instant();
        Duration silence = heartbeat.multipliedBy(MISSED_BEATS);
        List<FlowRunRecord> silent = database.flowRuns().listSilent(now.minus(silence), BATCH);
        int crashed = 0;
        for (FlowRunRecord run : silent) {
            State current = run.run().state();
            boolean onlyClaimed = current.type() == StateType.PENDING && State.PENDING.equals(current.name());
            State proposed = onlyClaimed
                    ? new State(StateType.SCHEDULED, State.SCHEDULED, "Claimed " + silence.toSeconds() + " s ago by a"
                            + " worker that did not start it; back in its queue", now, StateDetails.NONE.withScheduledTime(now))
                    : State.crashed(now, "No heartbeat from the flow run's process for " + silence.toSeconds()
                            + " s (" + MISSED_BEATS + " missed beats): its process or its worker is gone");
            try {
                StateDecision decision = orchestrator.setState(run.id(), proposed, false);
                if (!(decision instanceof StateDecision.Abort)) {
                    crashed++;
                }
            } catch (NoSuchElementException deleted) {
                // Deleted since it was listed.
            }
        }
        return crashed;
    }
}
