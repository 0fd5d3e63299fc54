package dev.weir.state;

import java.time.Instant;
import java.util.Objects;

/**
 * A state of a flow run or task run: one of nine {@link StateType types}, a name that refines it
 * ({@code Late}, {@code AwaitingRetry}, {@code Cached}, ...), an optional message, the time it was
 * entered and its {@link StateDetails details}.
 *
 * <p>Custom names are allowed (a COMPLETED state named {@code Skipped}); rules read the type and a
 * few well-known names, listed as constants here.
 */
public record State(StateType type, String name, String message, Instant timestamp, StateDetails details) {

    public static final String SCHEDULED = "Scheduled";
    public static final String LATE = "Late";
    public static final String AWAITING_RETRY = "AwaitingRetry";
    public static final String AWAITING_CONCURRENCY_SLOT = "AwaitingConcurrencySlot";
    public static final String RESUMING = "Resuming";
    public static final String PENDING = "Pending";
    public static final String SUBMITTING = "Submitting";
    public static final String INFRASTRUCTURE_PENDING = "InfrastructurePending";
    public static final String NOT_READY = "NotReady";
    public static final String RUNNING = "Running";
    public static final String RETRYING = "Retrying";
    public static final String RERUNNING = "Rerunning";
    public static final String PAUSED = "Paused";
    public static final String SUSPENDED = "Suspended";
    public static final String CANCELLING = "Cancelling";
    public static final String COMPLETED = "Completed";
    public static final String CACHED = "Cached";
    public static final String ROLLED_BACK = "RolledBack";
    public static final String FAILED = "Failed";
    public static final String TIMED_OUT = "TimedOut";
    public static final String CANCELLED = "Cancelled";
    public static final String CRASHED = "Crashed";

    public State {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(timestamp, "timestamp");
        if (name == null || name.isBlank()) {
            name = defaultName(type);
        }
        if (message == null) {
            message = "";
        }
        if (details == null) {
            details = StateDetails.NONE;
        }
    }

    /** A state of the given type under its default name. */
    public static State of(StateType type, Instant at) {
        return new State(type, defaultName(type), "", at, StateDetails.NONE);
    }

    /** A state of the given type and name, with a message. */
    public static State of(StateType type, String name, String message, Instant at) {
        return new State(type, name, message, at, StateDetails.NONE);
    }

    public static State scheduled(Instant at, Instant due) {
        return new State(StateType.SCHEDULED, SCHEDULED, "", at, StateDetails.NONE.withScheduledTime(due));
    }

    public static State awaitingRetry(Instant at, Instant due, String message) {
        return new State(StateType.SCHEDULED, AWAITING_RETRY, message, at, StateDetails.NONE.withScheduledTime(due));
    }

    public static State pending(Instant at) {
        return of(StateType.PENDING, at);
    }

    public static State notReady(Instant at, String message) {
        return of(StateType.PENDING, NOT_READY, message, at);
    }

    public static State running(Instant at) {
        return of(StateType.RUNNING, at);
    }

    public static State retrying(Instant at) {
        return of(StateType.RUNNING, RETRYING, "", at);
    }

    public static State completed(Instant at) {
        return of(StateType.COMPLETED, at);
    }

    public static State cached(Instant at) {
        return of(StateType.COMPLETED, CACHED, "", at);
    }

    public static State failed(Instant at, String message) {
        return of(StateType.FAILED, FAILED, message, at);
    }

    public static State timedOut(Instant at, String message) {
        return of(StateType.FAILED, TIMED_OUT, message, at);
    }

    public static State cancelled(Instant at, String message) {
        return of(StateType.CANCELLED, CANCELLED, message, at);
    }

    public static State crashed(Instant at, String message) {
        return of(StateType.CRASHED, CRASHED, message, at);
    }

    /** The name a state of this type has when none is given. */
    public static String defaultName(StateType type) {
        return switch (type) {
            case SCHEDULED -> SCHEDULED;
            case PENDING -> PENDING;
            case RUNNING -> RUNNING;
            case PAUSED -> PAUSED;
            case CANCELLING -> CANCELLING;
            case COMPLETED -> COMPLETED;
            case FAILED -> FAILED;
            case CANCELLED -> CANCELLED;
            case CRASHED -> CRASHED;
        };
    }

    /** Whether the run has finished in this state. */
    public boolean isFinal() {
        return type.isFinal();
    }

    public boolean isCompleted() {
        return type == StateType.COMPLETED;
    }

    /** This state with other details. */
    public State withDetails(StateDetails newDetails) {
        return new State(type, name, message, timestamp, newDetails);
    }

    /** This state with another message. */
    public State withMessage(String newMessage) {
        return new State(type, name, newMessage, timestamp, details);
    }

    /** Prefect's rendering: {@code Failed('boom')}, {@code Completed()}. */
    @Override
    public String toString() {
        return message.isEmpty() ? name + "()" : name + "('" + message + "')";
    }
}
