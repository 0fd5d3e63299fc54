package dev.weir.cache;

/**
 * The parts a {@code @Task(cachePolicy = ...)} composes its cache key from; the annotation's way to
 * name the {@link CachePolicy} constants.
 */
public enum CacheKeyPart {
    /** The hash of the arguments. */
    INPUTS,
    /** The hash of the task method's bytecode. */
    TASK_SOURCE,
    /** The flow run's id. */
    RUN_ID,
    /** The hash of the flow run's parameters. */
    FLOW_PARAMETERS,
    /** No caching, and no result persistence. */
    NONE;

    /** The policy this part stands for. */
    public CachePolicy policy() {
        return switch (this) {
            case INPUTS -> CachePolicy.INPUTS;
            case TASK_SOURCE -> CachePolicy.TASK_SOURCE;
            case RUN_ID -> CachePolicy.RUN_ID;
            case FLOW_PARAMETERS -> CachePolicy.FLOW_PARAMETERS;
            case NONE -> CachePolicy.NONE;
        };
    }
}
