package dev.weir.benchmarks;

import dev.weir.Flow;
import dev.weir.Task;
import dev.weir.cache.TaskInputHash;
import dev.weir.result.Persistence;

/** Tasks for {@link CacheBenchmark}: one cached on its input, one persisted nowhere. */
public class CacheWorkload {

    @Task(cacheKeyFn = TaskInputHash.class)
    public String cached(String key) {
        return "value of " + key;
    }

    @Task(persistResult = Persistence.OFF)
    public String uncached(String key) {
        return "value of " + key;
    }

    @Flow
    public long cachedCalls(int n) {
        long total = 0;
        for (int i = 0; i < n; i++) {
            total += cached("key").length();
        }
        return total;
    }

    @Flow
    public long uncachedCalls(int n) {
        long total = 0;
        for (int i = 0; i < n; i++) {
            total += uncached("key").length();
        }
        return total;
    }
}
