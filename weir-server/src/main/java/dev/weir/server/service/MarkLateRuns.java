package dev.weir.server.service;

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
 * Every 5 seconds renames {@code Late} the runs still {@code Scheduled} more than 15 seconds after
 * their scheduled time. The change goes through orchestration, so a run that started in the meantime
 * keeps its state (only a SCHEDULED run may be renamed Late).
 */
public final class MarkLateRuns extends BackgroundService {

    /** How long past its scheduled time a run may stay Scheduled before it is Late. */
    public static final Duration GRACE = Duration.ofSeconds(15);
    private static final int BATCH = 500;

    private final Database database;
    private final FlowRunOrchestrator orchestrator;
    private final InstantSource clock;

    public MarkLateRuns(Database database, FlowRunOrchestrator orchestrator, InstantSource clock) {
        this.database = database;
        this.orchestrator = orchestrator;
        this.clock = clock;
    }

    @Override
    protected Duration interval() {
        return Duration.ofSeconds(5);
    }

    /** One round; public so tests can run a round on demand. */
    @Override
    public void runOnce() {
        markLate();
    }

    /** One round; returns how many runs it renamed Late. */
    public int markLate() {
        Instant now = clock.instant();
        int marked = 0;
        while (true) {
            List<FlowRunRecord> due = database.flowRuns().listDue(State.SCHEDULED, now.minus(GRACE), BATCH);
            int before = marked;
            for (FlowRunRecord run : due) {
                // A fresh details object: no transition id of the current state, which would make it a no-op.
                State late = new State(StateType.SCHEDULED, State.LATE, "", now,
                        StateDetails.NONE.withScheduledTime(run.run().state().details().scheduledTime()));
                try {
                    if (orchestrator.setState(run.id(), late, false) instanceof dev.weir.orchestrator.StateDecision.Accept) {
                        marked++;
                    }
                } catch (NoSuchElementException deleted) {
                    // Deleted since it was listed: nothing to mark.
                }
            }
            if (due.size() < BATCH || marked == before) {
                return marked;
            }
        }
    }
}
