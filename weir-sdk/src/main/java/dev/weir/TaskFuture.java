package dev.weir;

import dev.weir.state.State;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * A task run submitted to the flow's task runner, from {@link Weir#submit} or {@link Weir#map}.
 *
 * <p>Thread-safe. A flow run waits for all of its open futures before it takes its final state.
 */
public interface TaskFuture<T> {

    /** The id of the task run. */
    UUID taskRunId();

    /** The task run's state now, without waiting. */
    State state();

    /** Whether the task run has reached a final state, or will not run (NotReady). */
    boolean isDone();

    /** Waits for the task run to finish and returns its final state. */
    State await();

    /** Waits at most {@code timeout}; the final state, or empty when it has not finished by then. */
    Optional<State> await(Duration timeout);

    /**
     * Waits and returns the value. A failure rethrows the task's own unchecked exception, or a
     * {@link TaskRunException} carrying the state and the checked cause.
     */
    T result();

    /** Like {@link #result()}, waiting at most {@code timeout}; then a {@link TaskRunException}. */
    T result(Duration timeout);

    /** A {@link CompletableFuture} completed with the value or the failure, for composing asynchronously. */
    CompletableFuture<T> toCompletableFuture();
}
