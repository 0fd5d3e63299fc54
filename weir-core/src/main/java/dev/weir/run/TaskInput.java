package dev.weir.run;

import java.util.UUID;

/**
 * An edge of the run graph: the upstream task run whose result fed an argument of a task run, or
 * that the task run waited for.
 *
 * @param kind what the edge stands for
 * @param taskRunId the upstream task run
 */
public record TaskInput(Kind kind, UUID taskRunId) {

    /** What an edge stands for. */
    public enum Kind {
        /** The upstream's result was passed as an argument. */
        RESULT,
        /** The task waited for the upstream without taking its value. */
        WAIT_FOR
    }

    public static TaskInput result(UUID taskRunId) {
        return new TaskInput(Kind.RESULT, taskRunId);
    }

    public static TaskInput waitFor(UUID taskRunId) {
        return new TaskInput(Kind.WAIT_FOR, taskRunId);
    }
}
