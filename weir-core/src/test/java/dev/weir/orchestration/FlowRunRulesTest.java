package dev.weir.orchestration;

import static dev.weir.orchestration.FlowRuns.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.orchestrator.StateDecision;
import dev.weir.run.FlowRun;
import dev.weir.run.RetryPolicy;
import dev.weir.state.State;
import dev.weir.state.StateType;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class FlowRunRulesTest {

    private static RuleResult apply(FlowRunRule rule, FlowRun run, State proposed) {
        return rule.apply(new Transition(run, proposed, NOW));
    }

    @Nested
    class Idempotency {
        @Test
        void aProposalWithTheCurrentTransitionIdIsAnsweredWithTheCurrentStateAndNotWritten() {
            UUID id = UUID.randomUUID();
            State running = State.running(NOW).withDetails(State.running(NOW).details().withTransitionId(id));
            State again = State.running(NOW.plusSeconds(1)).withDetails(running.details());

            RuleResult result = apply(new IdempotentTransitions(), FlowRuns.in(running), again);

            assertThat(result).isEqualTo(new RuleResult.Decide(new StateDecision.Accept(running), false));
        }

        @Test
        void aNewTransitionIdProceeds() {
            State running = State.running(NOW);
            State next = State.completed(NOW).withDetails(State.completed(NOW).details().withTransitionId(UUID.randomUUID()));
            assertThat(apply(new IdempotentTransitions(), FlowRuns.in(running), next)).isInstanceOf(RuleResult.Proceed.class);
        }
    }

    @Nested
    class DoubleStart {
        @ParameterizedTest
        @EnumSource(value = StateType.class, names = {"PENDING", "RUNNING", "CANCELLING", "CANCELLED"})
        void pendingFromAStartedRunAborts(StateType current) {
            RuleResult result = apply(new NoDoubleStart(), FlowRuns.in(State.of(current, NOW)), State.pending(NOW));
            assertThat(result).isInstanceOfSatisfying(RuleResult.Decide.class,
                    d -> assertThat(d.decision()).isInstanceOf(StateDecision.Abort.class));
        }

        @Test
        void pendingMayBeRenamedSubmitting() {
            State submitting = State.of(StateType.PENDING, State.SUBMITTING, "", NOW);
            assertThat(apply(new NoDoubleStart(), FlowRuns.in(State.pending(NOW)), submitting)).isInstanceOf(RuleResult.Proceed.class);
        }

        @Test
        void pendingFromScheduledProceeds() {
            assertThat(apply(new NoDoubleStart(), FlowRuns.in(State.scheduled(NOW, NOW)), State.pending(NOW)))
                    .isInstanceOf(RuleResult.Proceed.class);
        }
    }

    @Nested
    class Cancelling {
        @Test
        void cancellingGoesOnlyToCancelled() {
            FlowRun run = FlowRuns.in(State.of(StateType.CANCELLING, NOW));
            assertThat(apply(new CancellingOnlyToCancelled(), run, State.completed(NOW))).isInstanceOf(RuleResult.Decide.class);
            assertThat(apply(new CancellingOnlyToCancelled(), run, State.cancelled(NOW, ""))).isInstanceOf(RuleResult.Proceed.class);
        }
    }

    @Nested
    class FinalStates {
        @ParameterizedTest
        @EnumSource(value = StateType.class, names = {"CANCELLING", "PAUSED", "CRASHED"})
        void aFinishedRunNeverMovesToCancellingPausedOrCrashed(StateType to) {
            RuleResult result = apply(new LeaveFinalStatesOnlyAsAllowed(), FlowRuns.in(State.completed(NOW)), State.of(to, NOW));
            assertThat(result).isInstanceOf(RuleResult.Decide.class);
        }

        @Test
        void aFinishedRunMayBeRerun() {
            assertThat(apply(new LeaveFinalStatesOnlyAsAllowed(), FlowRuns.in(State.failed(NOW, "x")), State.scheduled(NOW, NOW)))
                    .isInstanceOf(RuleResult.Proceed.class);
        }
    }

    @Nested
    class Table {
        @Test
        void whatTheTableForbidsIsAborted() {
            assertThat(apply(new KnownTransitionsOnly(), FlowRuns.in(State.running(NOW)), State.running(NOW)))
                    .isInstanceOf(RuleResult.Decide.class);
            assertThat(apply(new KnownTransitionsOnly(), FlowRuns.in(State.running(NOW)), State.completed(NOW)))
                    .isInstanceOf(RuleResult.Proceed.class);
        }
    }

    @Nested
    class ScheduledTime {
        @Test
        void runningBeforeTheScheduledTimeWaitsTheRemainingSeconds() {
            FlowRun run = FlowRuns.in(State.scheduled(NOW, NOW.plusSeconds(90)));
            RuleResult result = apply(new WaitForScheduledTime(), run, State.running(NOW));
            assertThat(result).isInstanceOfSatisfying(RuleResult.Decide.class, d -> assertThat(d.decision())
                    .isInstanceOfSatisfying(StateDecision.Wait.class, w -> assertThat(w.delay()).isEqualTo(Duration.ofSeconds(90))));
        }

        @Test
        void runningAtOrAfterTheScheduledTimeProceeds() {
            FlowRun run = FlowRuns.in(State.scheduled(NOW, NOW.minusSeconds(1)));
            assertThat(apply(new WaitForScheduledTime(), run, State.running(NOW))).isInstanceOf(RuleResult.Proceed.class);
        }

        @Test
        void pendingCopiesTheScheduledTime() {
            FlowRun run = FlowRuns.in(State.scheduled(NOW, NOW.plusSeconds(5)));
            RuleResult result = apply(new CopyScheduledTime(), run, State.pending(NOW));
            assertThat(((RuleResult.Proceed) result).proposal().details().scheduledTime()).isEqualTo(NOW.plusSeconds(5));
        }

        @Test
        void renamingPendingKeepsTheScheduledTimeSoARunClaimedAheadStillWaits() {
            State claimed = State.pending(NOW).withDetails(State.pending(NOW).details().withScheduledTime(NOW.plusSeconds(5)));
            State submitting = State.of(StateType.PENDING, State.SUBMITTING, "", NOW);
            RuleResult result = apply(new CopyScheduledTime(), FlowRuns.in(claimed), submitting);
            State proposal = ((RuleResult.Proceed) result).proposal();
            assertThat(proposal.details().scheduledTime()).isEqualTo(NOW.plusSeconds(5));
            assertThat(apply(new WaitForScheduledTime(), FlowRuns.in(proposal), State.running(NOW)))
                    .isInstanceOfSatisfying(RuleResult.Decide.class,
                            d -> assertThat(d.decision()).isInstanceOf(StateDecision.Wait.class));
        }
    }

    @Nested
    class Retries {
        @Test
        void aFailedRunWithRetriesLeftBecomesAwaitingRetryAfterItsDelay() {
            FlowRun run = FlowRuns.in(State.running(NOW), 1, new RetryPolicy(2, 30));
            RuleResult result = apply(new RetryFailedRuns(), run, State.failed(NOW, "boom"));
            assertThat(result).isInstanceOfSatisfying(RuleResult.Decide.class, d -> {
                assertThat(d.write()).isTrue();
                State state = d.decision().state();
                assertThat(state.name()).isEqualTo(State.AWAITING_RETRY);
                assertThat(state.message()).isEqualTo("boom");
                assertThat(state.details().scheduledTime()).isEqualTo(NOW.plusSeconds(30));
            });
        }

        @Test
        void noRetriesLeftOrNotRetriableFails() {
            FlowRun spent = FlowRuns.in(State.running(NOW), 3, new RetryPolicy(2, 30));
            assertThat(apply(new RetryFailedRuns(), spent, State.failed(NOW, "x"))).isInstanceOf(RuleResult.Proceed.class);
            FlowRun fresh = FlowRuns.in(State.running(NOW), 1, new RetryPolicy(2, 30));
            State notRetriable = State.failed(NOW, "x").withDetails(State.failed(NOW, "x").details().notRetriable());
            assertThat(apply(new RetryFailedRuns(), fresh, notRetriable)).isInstanceOf(RuleResult.Proceed.class);
        }

        @Test
        void aCrashIsRetriedOnlyWhenThePolicyRetriesCrashes() {
            FlowRun adHoc = FlowRuns.in(State.running(NOW), 1, new RetryPolicy(2, 30));
            assertThat(apply(new RetryFailedRuns(), adHoc, State.crashed(NOW, "exit 137"))).isInstanceOf(RuleResult.Proceed.class);
            FlowRun deployed = FlowRuns.in(State.running(NOW), 1, new RetryPolicy(2, 30).withCrashRetries());
            assertThat(apply(new RetryFailedRuns(), deployed, State.crashed(NOW, "exit 137")))
                    .isInstanceOfSatisfying(RuleResult.Decide.class, d -> {
                        assertThat(d.decision().state().name()).isEqualTo(State.AWAITING_RETRY);
                        assertThat(d.decision().state().message()).isEqualTo("exit 137");
                    });
            FlowRun spent = FlowRuns.in(State.running(NOW), 3, new RetryPolicy(2, 30).withCrashRetries());
            assertThat(apply(new RetryFailedRuns(), spent, State.crashed(NOW, "x"))).isInstanceOf(RuleResult.Proceed.class);
        }
    }

    @Nested
    class CancelUnstarted {
        private final State cancelling = State.of(StateType.CANCELLING, NOW);

        @Test
        void aScheduledOrSuspendedRunIsCancelledAtOnce() {
            for (State current : new State[] {State.scheduled(NOW, NOW), State.of(StateType.PAUSED, State.SUSPENDED, "", NOW)}) {
                RuleResult result = apply(new CancelUnstartedRuns(), FlowRuns.in(current), cancelling);
                assertThat(result).isInstanceOfSatisfying(RuleResult.Proceed.class,
                        p -> assertThat(p.proposal().type()).isEqualTo(StateType.CANCELLED));
            }
        }

        @Test
        void aRunThatSomethingExecutesGoesCancelling() {
            for (State current : new State[] {State.pending(NOW), State.running(NOW), State.of(StateType.PAUSED, NOW)}) {
                RuleResult result = apply(new CancelUnstartedRuns(), FlowRuns.in(current), cancelling);
                assertThat(result).isInstanceOfSatisfying(RuleResult.Proceed.class,
                        p -> assertThat(p.proposal().type()).isEqualTo(StateType.CANCELLING));
            }
        }
    }

    @Nested
    class Policy {
        @Test
        void acceptedStatesAreBookkept() {
            FlowRun run = FlowRuns.in(State.pending(NOW.minusSeconds(10)));
            FlowRunPolicy.Outcome running = FlowRunPolicy.standard().apply(run, State.running(NOW), NOW);
            assertThat(running.written()).isTrue();
            assertThat(running.run().runCount()).isEqualTo(1);
            assertThat(running.run().startTime()).isEqualTo(NOW);
            FlowRunPolicy.Outcome done = FlowRunPolicy.standard().apply(running.run(), State.completed(NOW.plusSeconds(5)), NOW.plusSeconds(5));
            assertThat(done.run().endTime()).isEqualTo(NOW.plusSeconds(5));
            assertThat(done.run().totalRunTime()).isEqualTo(Duration.ofSeconds(5));
        }

        @Test
        void abortedProposalsWriteNothing() {
            FlowRun run = FlowRuns.in(State.completed(NOW));
            FlowRunPolicy.Outcome outcome = FlowRunPolicy.standard().apply(run, State.crashed(NOW, "x"), NOW);
            assertThat(outcome.written()).isFalse();
            assertThat(outcome.run()).isSameAs(run);
            assertThat(outcome.decision()).isInstanceOf(StateDecision.Abort.class);
        }
    }

    @Nested
    class Late {
        private final State late = State.of(StateType.SCHEDULED, State.LATE, "", NOW);

        @Test
        void aScheduledRunMayBeRenamedLate() {
            assertThat(apply(new LateOnlyFromScheduled(), FlowRuns.in(State.scheduled(NOW, NOW)), late))
                    .isEqualTo(RuleResult.proceed(late));
        }

        @ParameterizedTest
        @EnumSource(value = StateType.class, names = {"SCHEDULED"}, mode = EnumSource.Mode.EXCLUDE)
        void anyOtherRunIsNotRenamedLate(StateType current) {
            RuleResult result = apply(new LateOnlyFromScheduled(), FlowRuns.in(State.of(current, NOW)), late);
            assertThat(result).isInstanceOfSatisfying(RuleResult.Decide.class, d -> {
                assertThat(d.decision()).isInstanceOf(StateDecision.Abort.class);
                assertThat(d.write()).isFalse();
            });
        }

        @Test
        void theStandardPolicyRefusesLateForARunningRun() {
            FlowRun running = FlowRuns.in(State.running(NOW));
            FlowRunPolicy.Outcome outcome = FlowRunPolicy.standard().apply(running, late, NOW);
            assertThat(outcome.written()).isFalse();
            assertThat(outcome.decision()).isInstanceOf(StateDecision.Abort.class);
        }

        @Test
        void otherScheduledNamesAreNotThisRulesConcern() {
            State retry = State.awaitingRetry(NOW, NOW, "");
            assertThat(apply(new LateOnlyFromScheduled(), FlowRuns.in(State.running(NOW)), retry))
                    .isEqualTo(RuleResult.proceed(retry));
        }
    }
}
