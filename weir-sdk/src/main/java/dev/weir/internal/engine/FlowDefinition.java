package dev.weir.internal.engine;

import dev.weir.TaskRunner;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.List;

/**
 * A flow as its annotation defines it, read and checked once.
 *
 * @param timeout null for no timeout
 * @param runName null for a generated name
 */
record FlowDefinition(
        String name,
        String description,
        String version,
        int retries,
        double retryDelaySeconds,
        Duration timeout,
        NameTemplate runName,
        boolean logPrints,
        boolean validateParameters,
        TaskRunner taskRunner,
        int maxConcurrency,
        Method method,
        List<String> parameterNames,
        Hooks hooks,
        CacheSettings.FlowResults results) {}
