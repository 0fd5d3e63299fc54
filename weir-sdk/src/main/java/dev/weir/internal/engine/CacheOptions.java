package dev.weir.internal.engine;

import dev.weir.Task;
import dev.weir.WeirConfig;
import dev.weir.cache.CacheKeyFunction;
import dev.weir.cache.CacheKeyPart;
import dev.weir.cache.CachePolicy;
import java.lang.reflect.Constructor;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;

/** Reads the cache options of a {@code @Task}, adding a problem naming the method for each bad value. */
final class CacheOptions {

    private CacheOptions() {}

    static CacheSettings read(Task task, String where, List<String> problems, WeirConfig config) {
        int before = problems.size();
        boolean implied = false;
        CachePolicy policy = CachePolicy.DEFAULT;
        CacheKeyPart[] parts = task.cachePolicy();
        if (parts.length > 0) {
            implied = true;
            policy = parts[0].policy();
            for (int i = 1; i < parts.length; i++) {
                policy = policy.plus(parts[i].policy());
            }
            if (List.of(parts).contains(CacheKeyPart.NONE)) {
                policy = CachePolicy.NONE;
                implied = false;
            }
        }
        if (task.cacheKeyFn() != CacheKeyFunction.class) {
            implied = true;
            if (parts.length > 0) {
                problems.add(where + " sets both cachePolicy and cacheKeyFn; the key function would override the policy, so choose one");
            }
            CacheKeyFunction function = keyFunction(task.cacheKeyFn(), where, problems);
            if (function != null) {
                policy = CachePolicy.of(function);
            }
        }
        if (task.cacheIgnoreArguments().length > 0) {
            policy = policy.minus(task.cacheIgnoreArguments());
        }
        Duration expiration = null;
        if (!task.cacheExpiration().isBlank()) {
            implied = true;
            try {
                expiration = Duration.parse(task.cacheExpiration());
                if (expiration.isNegative() || expiration.isZero()) {
                    problems.add(where + " has cacheExpiration '" + task.cacheExpiration() + "'; use a positive duration");
                }
            } catch (DateTimeParseException e) {
                problems.add(where + " has cacheExpiration '" + task.cacheExpiration()
                        + "', which is not an ISO-8601 duration; use forms such as P1D, PT12H or PT30M");
            }
        }
        if (problems.size() > before) {
            return null;
        }
        return new CacheSettings(task.persistResult(), implied, policy, expiration,
                task.refreshCache() || config.refreshCache(), task.cacheIsolation(), null, null);
    }

    private static CacheKeyFunction keyFunction(Class<? extends CacheKeyFunction> type, String where, List<String> problems) {
        try {
            Constructor<? extends CacheKeyFunction> constructor = type.getDeclaredConstructor();
            constructor.setAccessible(true);
            return constructor.newInstance();
        } catch (ReflectiveOperationException | RuntimeException e) {
            problems.add(where + " has cacheKeyFn " + type.getName()
                    + ", which cannot be created: it needs a constructor without parameters (" + e + ")");
            return null;
        }
    }
}
