package dev.weir.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class StateTransitionsTest {

    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @CsvSource({
        // from, to, allowed; every row REFERENCE.md constrains, spelled out pair by pair
        "RUNNING, PENDING, false",
        "PENDING, PENDING, true",
        "CANCELLED, PENDING, false",
        "CANCELLING, PENDING, false",
        "CANCELLING, CANCELLED, true",
        "CANCELLING, COMPLETED, false",
        "CANCELLING, FAILED, false",
        "CANCELLING, RUNNING, false",
        "CANCELLING, CRASHED, false",
        "COMPLETED, CANCELLING, false",
        "COMPLETED, PAUSED, false",
        "COMPLETED, CRASHED, false",
        "FAILED, CANCELLING, false",
        "FAILED, CRASHED, false",
        "CRASHED, CRASHED, false",
        "FAILED, SCHEDULED, true",
        "FAILED, RUNNING, true",
        "CRASHED, SCHEDULED, true",
        "COMPLETED, RUNNING, true",
        "RUNNING, PAUSED, true",
        "SCHEDULED, PAUSED, false",
        "PENDING, PAUSED, false",
        "PAUSED, RUNNING, true",
        "PAUSED, SCHEDULED, true",
        "PAUSED, CANCELLED, true",
        "PAUSED, PENDING, false",
        "PAUSED, CANCELLING, true",
        "RUNNING, SCHEDULED, true",
        "RUNNING, FAILED, true",
        "RUNNING, COMPLETED, true",
        "RUNNING, CRASHED, true",
        "RUNNING, RUNNING, false",
        "SCHEDULED, SCHEDULED, true",
        "SCHEDULED, RUNNING, true",
        "SCHEDULED, CANCELLING, true",
        "PENDING, RUNNING, true",
    })
    void tableAnswersEachConstrainedPair(StateType from, StateType to, boolean allowed) {
        assertThat(StateTransitions.isAllowed(from, to)).isEqualTo(allowed);
    }

    @Test
    void cancellingLeadsOnlyToCancelled() {
        assertThat(StateTransitions.allowedFrom(StateType.CANCELLING)).containsExactly(StateType.CANCELLED);
    }

    @ParameterizedTest
    @EnumSource(value = StateType.class, names = {"COMPLETED", "FAILED", "CANCELLED", "CRASHED"})
    void finalStatesNeverLeaveForCancellingPausedOrCrashed(StateType terminal) {
        assertThat(StateTransitions.allowedFrom(terminal))
                .doesNotContain(StateType.CANCELLING, StateType.PAUSED, StateType.CRASHED);
    }

    @ParameterizedTest
    @EnumSource(StateType.class)
    void finalStatesNeverMoveToTheirOwnType(StateType type) {
        if (type.isFinal()) {
            assertThat(StateTransitions.isAllowed(type, type)).isFalse();
        }
    }

    @Test
    void newRunsStartAnywhereButPausedOrCancelling() {
        EnumSet<StateType> initial = EnumSet.noneOf(StateType.class);
        for (StateType type : StateType.values()) {
            if (StateTransitions.isAllowedInitially(type)) {
                initial.add(type);
            }
        }
        assertThat(initial).isEqualTo(EnumSet.complementOf(EnumSet.of(StateType.PAUSED, StateType.CANCELLING)));
    }

    @Test
    void pausedLeavesOnlyToRunningScheduledCancellingOrAFinalState() {
        // Cancelling: a run paused in its process still has a process to stop.
        assertThat(StateTransitions.allowedFrom(StateType.PAUSED))
                .containsExactlyInAnyOrder(
                        StateType.RUNNING, StateType.SCHEDULED, StateType.CANCELLING, StateType.COMPLETED, StateType.FAILED,
                        StateType.CANCELLED, StateType.CRASHED);
    }

    @Test
    void statesRenderAsPrefectDoesAndDefaultTheirNames() {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        assertThat(State.failed(now, "boom")).hasToString("Failed('boom')");
        assertThat(State.completed(now)).hasToString("Completed()");
        assertThat(new State(StateType.RUNNING, null, null, now, null).name()).isEqualTo("Running");
        assertThat(State.cached(now).type()).isEqualTo(StateType.COMPLETED);
        assertThat(State.timedOut(now, "x").type()).isEqualTo(StateType.FAILED);
        assertThat(State.awaitingRetry(now, now.plusSeconds(5), "").details().scheduledTime())
                .isEqualTo(now.plusSeconds(5));
    }
}
