package dev.weir.internal.engine;

import dev.weir.RetryCondition;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.List;

/**
 * A task as its annotation (or ad-hoc options) defines it, read and checked once.
 *
 * @param method the task's method, or null for an ad-hoc task
 * @param timeout null for no timeout
 * @param runName null for the default name ({@code name-N})
 */
record TaskDefinition(
        String name,
        String taskKey,
        String description,
        List<String> tags,
        String version,
        int retries,
        RetryDelays delays,
        RetryCondition retryCondition,
        List<Class<? extends Throwable>> retryOn,
        Duration timeout,
        NameTemplate runName,
        boolean logPrints,
        Method method,
        List<String> parameterNames,
        Hooks hooks,
        CacheSettings cache) {

    /** Whether a failure may be retried by type (the retry condition is asked separately). */
    boolean retriesOn(Throwable failure) {
        if (retryOn.isEmpty()) {
            return true;
        }
        for (Class<? extends Throwable> type : retryOn) {
            if (type.isInstance(failure)) {
                return true;
            }
        }
        return false;
    }
}
