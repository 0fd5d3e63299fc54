package dev.weir.client;

import dev.weir.Sleeper;
import dev.weir.orchestrator.Orchestrator;
import java.io.PrintStream;
import java.util.Objects;

/** Decorators that add behaviour to any {@link Orchestrator}: batching and console printing. */
public final class Orchestrators {

    private Orchestrators() {}

    /**
     * Sends {@code delegate} its task runs and log lines in batches from a background thread, with the
     * {@linkplain BatchingOptions#ofDefaults() default options}; see {@link BatchingOrchestrator}. Closing
     * the result flushes it and closes {@code delegate}.
     */
    public static BatchingOrchestrator batching(Orchestrator delegate) {
        return batching(delegate, BatchingOptions.ofDefaults());
    }

    /** As {@link #batching(Orchestrator)}, batching as {@code options} say. */
    public static BatchingOrchestrator batching(Orchestrator delegate, BatchingOptions options) {
        return BatchingOrchestrator.start(Objects.requireNonNull(delegate, "delegate"),
                Objects.requireNonNull(options, "options"), Sleeper.system(), System.err);
    }

    /**
     * Prints each flow-run creation and each state a flow run enters to {@code out}, as
     * {@code 12:00:00.000 | Flow run 'brave-otter' (etl) entered Running()}, and passes every call on to
     * {@code delegate}.
     */
    public static Orchestrator printing(Orchestrator delegate, PrintStream out) {
        return new PrintingOrchestrator(Objects.requireNonNull(delegate, "delegate"), Objects.requireNonNull(out, "out"));
    }
}
