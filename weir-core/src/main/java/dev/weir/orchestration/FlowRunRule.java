package dev.weir.orchestration;

/** One orchestration rule for flow-run states. Implementations are stateless and thread-safe. */
@FunctionalInterface
public interface FlowRunRule {

    /** Judges {@code transition}: proceed (possibly changing the proposal) or decide. */
    RuleResult apply(Transition transition);
}
