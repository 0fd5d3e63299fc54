package dev.weir.internal.engine;

import dev.weir.TaskFuture;
import dev.weir.TaskRunException;
import dev.weir.state.State;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** A submitted task run's future: its latest state, completed with the run's outcome. */
final class TaskFutureImpl<T> implements TaskFuture<T> {

    private final UUID taskRunId;
    private final String taskRunName;
    private final CompletableFuture<TaskOutcome> outcome = new CompletableFuture<>();
    private volatile State state;

    TaskFutureImpl(UUID taskRunId, String taskRunName, State initial) {
        this.taskRunId = taskRunId;
        this.taskRunName = taskRunName;
        this.state = initial;
    }

    void update(State newState) {
        this.state = newState;
    }

    void complete(TaskOutcome result) {
        this.state = result.state();
        outcome.complete(result);
    }

    @Override
    public UUID taskRunId() {
        return taskRunId;
    }

    @Override
    public State state() {
        return state;
    }

    @Override
    public boolean isDone() {
        return outcome.isDone();
    }

    @Override
    public State await() {
        return join().state();
    }

    @Override
    public Optional<State> await(Duration timeout) {
        try {
            return Optional.of(outcome.get(timeout.toNanos(), TimeUnit.NANOSECONDS).state());
        } catch (TimeoutException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TaskRunException("Interrupted while waiting for task run '" + taskRunName + "'", state, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("task outcome futures never complete exceptionally", e);
        }
    }

    @Override
    @SuppressWarnings("unchecked") // the value came from the task body whose return type is T
    public T result() {
        return (T) join().valueOrUnchecked();
    }

    @Override
    @SuppressWarnings("unchecked") // the value came from the task body whose return type is T
    public T result(Duration timeout) {
        Optional<State> finished = await(timeout);
        if (finished.isEmpty()) {
            throw new TaskRunException("Task run '" + taskRunName + "' did not finish within " + timeout
                    + "; it is " + state, state, null);
        }
        return (T) join().valueOrUnchecked();
    }

    @Override
    @SuppressWarnings("unchecked") // the value came from the task body whose return type is T
    public CompletableFuture<T> toCompletableFuture() {
        return outcome.thenApply(result -> (T) result.valueOrUnchecked());
    }

    private TaskOutcome join() {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return outcome.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                    throw new TaskRunException("Interrupted while waiting for task run '" + taskRunName + "'", state, e);
                } catch (ExecutionException e) {
                    throw new IllegalStateException("task outcome futures never complete exceptionally", e);
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public String toString() {
        return "TaskFuture[" + taskRunName + ", " + state + "]";
    }
}
