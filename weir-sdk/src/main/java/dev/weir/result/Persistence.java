package dev.weir.result;

/** Whether a flow's or task's results are persisted to result storage. */
public enum Persistence {
    /** Take the enclosing flow's setting, else the runtime's default (off unless changed). */
    INHERIT,
    /** Persist. */
    ON,
    /** Do not persist, even when the flow does. */
    OFF
}
