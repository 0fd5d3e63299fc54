package dev.weir.internal.engine;

import dev.weir.TaskRunException;
import dev.weir.state.State;

/**
 * How a task run ended: its final state, the value when it completed, the exception when it failed.
 */
record TaskOutcome(State state, Object value, Throwable failure, String taskRunName) {

    /** The value, or the failure thrown as the task threw it (checked exceptions included). */
    Object valueOrRethrow() {
        if (state.isCompleted()) {
            return value;
        }
        if (failure != null) {
            throw Sneaky.<RuntimeException>rethrow(failure);
        }
        throw notCompleted();
    }

    /** The value, or the failure as an unchecked exception: its own if unchecked, else wrapped. */
    Object valueOrUnchecked() {
        if (state.isCompleted()) {
            return value;
        }
        if (failure instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (failure instanceof Error error) {
            throw error;
        }
        throw notCompleted();
    }

    private TaskRunException notCompleted() {
        return new TaskRunException("Task run '" + taskRunName + "' finished in state " + state, state, failure);
    }
}
