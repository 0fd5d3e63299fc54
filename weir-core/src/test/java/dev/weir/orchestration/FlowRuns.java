package dev.weir.orchestration;

import dev.weir.run.FlowRun;
import dev.weir.run.RetryPolicy;
import dev.weir.state.State;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Test data: flow runs in a given state. */
final class FlowRuns {

    static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

    private FlowRuns() {}

    static FlowRun in(State state) {
        return in(state, 0, RetryPolicy.NONE);
    }

    static FlowRun in(State state, int runCount, RetryPolicy policy) {
        return new FlowRun(UUID.randomUUID(), "run", "flow", "v1", Map.of(), List.of(), null, state, runCount, policy,
                NOW.minusSeconds(60), null, null, Duration.ZERO);
    }
}
