package dev.weir;

/** How a flow run executes the tasks submitted within it. */
public enum TaskRunner {
    /** Each submitted task on its own virtual thread, optionally bounded by {@link Flow#maxConcurrency()}. */
    CONCURRENT,
    /** One submitted task at a time, in the order of submission. */
    SEQUENTIAL
}
