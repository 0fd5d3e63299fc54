package dev.weir.state;

/**
 * The nine types a flow-run or task-run state can have. Orchestration rules read the type; the
 * state's name (Late, AwaitingRetry, Cached, ...) refines it.
 */
public enum StateType {
    SCHEDULED,
    PENDING,
    RUNNING,
    PAUSED,
    CANCELLING,
    COMPLETED,
    FAILED,
    CANCELLED,
    CRASHED;

    /** Whether a run in this state has finished: completed, failed, cancelled or crashed. */
    public boolean isFinal() {
        return switch (this) {
            case COMPLETED, FAILED, CANCELLED, CRASHED -> true;
            case SCHEDULED, PENDING, RUNNING, PAUSED, CANCELLING -> false;
        };
    }
}
