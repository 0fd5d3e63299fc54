package dev.weir;

import dev.weir.cache.CacheIsolation;
import dev.weir.cache.CacheKeyFunction;
import dev.weir.cache.CacheKeyPart;
import dev.weir.result.Persistence;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method as a task: calling it on an instance from {@link Weir#flows(Class)} creates a task
 * run with retries, a timeout and recorded states, inside the current flow run or on its own.
 *
 * <p>Hook methods named here belong to the same class and take no parameter or one
 * {@link dev.weir.state.State}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Task {

    /** The task's name; the method's name when empty. */
    String name() default "";

    String description() default "";

    /** Tags recorded on each run, merged with the tags of the enclosing context. */
    String[] tags() default {};

    /** The task's version; a checksum of the declaring class's bytecode when empty. */
    String version() default "";

    /** Extra attempts after a failure; -1 takes {@code WEIR_TASKS_DEFAULT_RETRIES} (0 unless set). */
    int retries() default -1;

    /**
     * Seconds to wait before each retry: one value for all, or one per retry (at most 50), the last
     * repeating.
     */
    double[] retryDelaySeconds() default {};

    /**
     * A backoff factor f: when above 0, retry n waits {@code f * 2^(n-1)} seconds. Cannot be combined
     * with {@link #retryDelaySeconds()}.
     */
    double exponentialBackoff() default 0;

    /**
     * Spreads each retry delay d randomly up to {@code d * (1 + factor)}, keeping the mean near d; 0
     * for exact delays.
     */
    double retryJitterFactor() default 0;

    /** Decides whether a failure may be retried; every failure may by default. */
    Class<? extends RetryCondition> retryCondition() default RetryCondition.Always.class;

    /** The exceptions that may be retried; any exception when empty. */
    Class<? extends Throwable>[] retryOn() default {};

    /** Seconds after which the run is interrupted and ends TimedOut; 0 for no timeout. */
    double timeoutSeconds() default 0;

    /** A template for the run's name over the arguments, like {@link Flow#flowRunName()}. */
    String taskRunName() default "";

    /** Whether printed output goes to the run's log; also on when the enclosing flow says so. */
    boolean logPrints() default false;

    /**
     * Whether the result is persisted. {@code INHERIT} follows the flow, else the runtime default; setting
     * any cache or result option below switches it on unless this says {@code OFF}.
     */
    Persistence persistResult() default Persistence.INHERIT;

    /**
     * The parts of the cache key, combined in order, such as {@code {INPUTS, TASK_SOURCE}}; when empty,
     * {@code INPUTS + TASK_SOURCE + RUN_ID} (a repeat call within one flow run is reused, if persisted).
     */
    CacheKeyPart[] cachePolicy() default {};

    /** Arguments left out of the input hash, such as a {@code debug} flag. */
    String[] cacheIgnoreArguments() default {};

    /** A class that computes the cache key, overriding {@link #cachePolicy()}; needs a constructor without parameters. */
    Class<? extends CacheKeyFunction> cacheKeyFn() default CacheKeyFunction.class;

    /** How long a cached result stays valid, as an ISO-8601 duration such as {@code "P1D"} or {@code "PT30M"}; forever when empty. */
    String cacheExpiration() default "";

    /** Whether to ignore a cached result and overwrite it. */
    boolean refreshCache() default false;

    /** {@code SERIALIZABLE} lets only one of several concurrent calls with one key compute; the others read its result. */
    CacheIsolation cacheIsolation() default CacheIsolation.READ_COMMITTED;

    /** The serializer of the result by name: {@code json} (default), {@code compressed/json}, {@code java}, or a custom one. */
    String resultSerializer() default "";

    /** A directory to keep results in instead of {@code $WEIR_HOME/storage}. */
    String resultStorage() default "";

    /** Names of methods of the same class called when the run enters RUNNING. */
    String[] onRunning() default {};

    /** Names of methods of the same class called when the run completes. */
    String[] onCompletion() default {};

    /** Names of methods of the same class called when the run fails. */
    String[] onFailure() default {};
}
