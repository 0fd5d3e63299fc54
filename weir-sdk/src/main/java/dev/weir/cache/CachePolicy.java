package dev.weir.cache;

import java.util.Objects;
import java.util.Optional;

/**
 * Decides a task call's cache key from its context; policies compose like Prefect's.
 *
 * <p>{@code INPUTS.plus(TASK_SOURCE)} keys on both; {@code DEFAULT.minus("debug")} ignores one argument.
 * A compound policy's key is a SHA-256 over its parts' keys in order, and is empty when any part is
 * empty, so {@code NONE} anywhere, an unhashable argument under {@code INPUTS}, or a missing run id under
 * {@code RUN_ID} means the call is not cached ({@link InputHash#compute} says which argument was
 * unhashable). Implementations are immutable and thread safe.
 */
public interface CachePolicy {

    /** The longest key a policy or key function may produce. */
    int MAX_KEY_LENGTH = 2000;

    /** Keys on the input hash of all arguments; see {@link InputHash}. */
    CachePolicy INPUTS = new InputsPolicy(java.util.Set.of());

    /** Keys on the task method's bytecode hash; see {@link TaskSource}. Empty when the bytecode is unavailable. */
    CachePolicy TASK_SOURCE = BasicPolicy.TASK_SOURCE;

    /** Keys on the flow run id, so results are reused only within one run. Empty outside a flow run. */
    CachePolicy RUN_ID = BasicPolicy.RUN_ID;

    /** Keys on the input hash of the parent flow run's parameters. */
    CachePolicy FLOW_PARAMETERS = BasicPolicy.FLOW_PARAMETERS;

    /** Never caches; a task with this policy does not persist its result either. */
    CachePolicy NONE = BasicPolicy.NONE;

    /** {@code INPUTS + TASK_SOURCE + RUN_ID}: repeated calls within one flow run are reused. */
    CachePolicy DEFAULT = INPUTS.plus(TASK_SOURCE).plus(RUN_ID);

    /** The cache key for a call, or empty if the call is not cached. */
    Optional<String> key(CacheKeyContext context);

    /** A policy keyed on this policy's key and then the other's. */
    default CachePolicy plus(CachePolicy other) {
        return CompoundPolicy.of(this, Objects.requireNonNull(other, "other"));
    }

    /** This policy with the named arguments left out of any input hash; other policies are unchanged. */
    default CachePolicy minus(String... argumentNames) {
        return this;
    }

    /**
     * A policy that asks a key function.
     *
     * @throws IllegalArgumentException from {@link #key} if the function returns a blank key or one longer
     *     than {@value #MAX_KEY_LENGTH} characters
     */
    static CachePolicy of(CacheKeyFunction function) {
        return new FunctionPolicy(Objects.requireNonNull(function, "function"));
    }
}
