package dev.weir.internal.engine;

/**
 * What the current thread runs: the runtime, the flow run (null for a task outside flows) and the
 * task run (null for flow code). Immutable; threads that run tasks install their own.
 */
record Frame(RuntimeImpl runtime, FlowScope flow, TaskScope task) {

    /** Whether printed output of this thread goes to the run's log. */
    boolean capturesPrints() {
        return task != null ? task.logPrints() : flow != null && flow.definition().logPrints();
    }

    /** The logger of the innermost run. */
    RunLogger logger() {
        return task != null ? task.logger() : flow.logger();
    }
}
