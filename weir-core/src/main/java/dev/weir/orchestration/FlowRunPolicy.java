package dev.weir.orchestration;

import dev.weir.orchestrator.StateDecision;
import dev.weir.run.FlowRun;
import dev.weir.state.State;
import java.time.Instant;
import java.util.List;

/**
 * The ordered rules every proposed flow-run state passes, and the bookkeeping of what is written.
 *
 * <p>Order: idempotent transitions, leaving final states, cancelling, cancelling unstarted runs, no double start, late only from
 * scheduled, the transition table, copy scheduled time, wait for scheduled time, retries. The first rule that decides ends the
 * evaluation; a proposal that passes them all is accepted as the rules left it.
 */
public final class FlowRunPolicy {

    /** The outcome: the decision for the client, and the run to store ({@code run} itself when nothing is written). */
    public record Outcome(StateDecision decision, FlowRun run, boolean written) {}

    private static final FlowRunPolicy STANDARD = new FlowRunPolicy(List.of(
            new IdempotentTransitions(),
            new LeaveFinalStatesOnlyAsAllowed(),
            new CancellingOnlyToCancelled(),
            new CancelUnstartedRuns(),
            new NoDoubleStart(),
            new LateOnlyFromScheduled(),
            new KnownTransitionsOnly(),
            new CopyScheduledTime(),
            new WaitForScheduledTime(),
            new RetryFailedRuns()));

    private final List<FlowRunRule> rules;

    private FlowRunPolicy(List<FlowRunRule> rules) {
        this.rules = List.copyOf(rules);
    }

    private static final FlowRunPolicy FORCED = new FlowRunPolicy(List.of());

    /** The policy of a forced proposal (an operator correcting a run): no rules, only the bookkeeping. */
    public static FlowRunPolicy forced() {
        return FORCED;
    }

    /** The standard policy. */
    public static FlowRunPolicy standard() {
        return STANDARD;
    }

    /** Judges {@code proposed} for {@code run} at {@code now}. */
    public Outcome apply(FlowRun run, State proposed, Instant now) {
        Transition transition = new Transition(run, proposed, now);
        for (FlowRunRule rule : rules) {
            RuleResult result = rule.apply(transition);
            switch (result) {
                case RuleResult.Proceed proceed -> transition = transition.propose(proceed.proposal());
                case RuleResult.Decide decide -> {
                    if (!decide.write()) {
                        return new Outcome(decide.decision(), run, false);
                    }
                    return new Outcome(decide.decision(), Bookkeeping.apply(run, decide.decision().state()), true);
                }
            }
        }
        State accepted = transition.proposed();
        return new Outcome(new StateDecision.Accept(accepted), Bookkeeping.apply(run, accepted), true);
    }
}
