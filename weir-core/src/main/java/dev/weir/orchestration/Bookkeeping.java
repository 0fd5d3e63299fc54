package dev.weir.orchestration;

import dev.weir.run.FlowRun;
import dev.weir.state.State;
import dev.weir.state.StateType;
import java.time.Duration;
import java.time.Instant;

/**
 * The run's counters as a state is written: run count +1 on RUNNING (but not on resuming from PAUSED), start time on the first
 * RUNNING, end time on a final state (cleared on leaving one), run time summed over RUNNING spans.
 */
final class Bookkeeping {

    private Bookkeeping() {}

    static FlowRun apply(FlowRun run, State next) {
        Instant at = next.timestamp();
        Duration runTime = run.totalRunTime();
        if (run.state().type() == StateType.RUNNING && at.isAfter(run.state().timestamp())) {
            runTime = runTime.plus(Duration.between(run.state().timestamp(), at));
        }
        // A resumed pause goes on with the same attempt.
        boolean attempt = next.type() == StateType.RUNNING && run.state().type() != StateType.PAUSED;
        int runCount = run.runCount() + (attempt ? 1 : 0);
        Instant start = run.startTime() == null && next.type() == StateType.RUNNING ? at : run.startTime();
        Instant end = next.isFinal() ? at : null;
        return run.with(next, runCount, start, end, runTime);
    }
}
