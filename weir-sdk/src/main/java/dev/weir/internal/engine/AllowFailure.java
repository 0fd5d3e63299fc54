package dev.weir.internal.engine;

import dev.weir.TaskFuture;
import dev.weir.state.State;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/** An upstream future whose failure does not stop its downstream from running. */
record AllowFailure<T>(TaskFuture<T> upstream) implements TaskFuture<T> {

    @Override
    public UUID taskRunId() {
        return upstream.taskRunId();
    }

    @Override
    public State state() {
        return upstream.state();
    }

    @Override
    public boolean isDone() {
        return upstream.isDone();
    }

    @Override
    public State await() {
        return upstream.await();
    }

    @Override
    public Optional<State> await(Duration timeout) {
        return upstream.await(timeout);
    }

    @Override
    public T result() {
        return upstream.result();
    }

    @Override
    public T result(Duration timeout) {
        return upstream.result(timeout);
    }

    @Override
    public CompletableFuture<T> toCompletableFuture() {
        return upstream.toCompletableFuture();
    }
}
