package dev.weir;

import dev.weir.orchestrator.Orchestrator;

/**
 * One configured Weir: an orchestrator, a clock and defaults, and the orchestrated instances made
 * from them. {@link Weir#flows(Class)} uses a default runtime read from the environment; create
 * others with {@link Weir#configure}. Thread-safe.
 */
public interface WeirRuntime extends AutoCloseable {

    /**
     * An orchestrated instance of {@code type}: its {@code @Flow} and {@code @Task} methods run as
     * flow runs and task runs, calls between its own methods included.
     *
     * @throws FlowDefinitionException naming each method or class problem
     */
    <T> T flows(Class<T> type);

    /** Where this runtime records runs. */
    Orchestrator orchestrator();

    /** Flushes what is still to be recorded and closes the orchestrator. */
    @Override
    void close();
}
