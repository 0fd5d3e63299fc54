package dev.weir.internal.engine;

import dev.weir.WeirConfig;
import dev.weir.cache.CacheIsolation;
import dev.weir.cache.CacheKeyContext;
import dev.weir.cache.CachePolicy;
import dev.weir.cache.HashResult;
import dev.weir.cache.InputHash;
import dev.weir.cache.IsolationLock;
import dev.weir.cache.LockManager;
import dev.weir.cache.TaskSource;
import dev.weir.core.Ids;
import dev.weir.result.Persistence;
import dev.weir.result.ResultRecord;
import dev.weir.result.ResultSerializer;
import dev.weir.result.ResultSerializers;
import dev.weir.result.ResultStorage;
import dev.weir.result.ResultStore;
import java.lang.reflect.Type;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Decides, per task call, whether its result is persisted and under which cache key; looks cached
 * results up, stores new ones, and takes the per-key lock of SERIALIZABLE isolation.
 *
 * <p>Persistence: the task's own setting, else on when it set a cache or result option, else the
 * flow's setting, else the runtime default. Caching needs persistence: without a stored result there
 * is nothing to reuse.
 */
final class Caching {

    private static final Pattern STORAGE_KEY = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0,199}");

    /** What one call does with its result; absent when the result is not persisted. */
    record Plan(String cacheKey, String storageKey, ResultStore store, ResultSerializer serializer,
            Optional<Instant> expiration, boolean refresh, CacheIsolation isolation, Type declaredType) {}

    /** A cached result found for a call. */
    record Hit(Object value, Optional<Instant> expiration) {}

    private final WeirConfig config;
    private final Map<Path, ResultStore> stores = new ConcurrentHashMap<>();
    private volatile ResultStore defaultStore;
    private volatile LockManager locks;

    Caching(WeirConfig config) {
        this.config = config;
    }

    Optional<Plan> plan(TaskScope scope) {
        TaskDefinition task = scope.definition();
        CacheSettings cache = task.cache();
        FlowScope flow = scope.flow();
        CacheSettings.FlowResults flowResults = flow == null ? CacheSettings.FlowResults.DEFAULT : flow.definition().results();
        if (!persists(cache, flowResults) || cache.policy() == CachePolicy.NONE) {
            return Optional.empty();
        }
        Map<String, Object> arguments = scope.info().parameters();
        Optional<String> key = cache.policy().key(new CacheKeyContext(
                task.taskKey(),
                task.method() == null ? Optional.empty() : TaskSource.of(task.method()),
                arguments,
                flow == null ? Optional.empty() : Optional.of(flow.id()),
                flow == null ? Map.of() : flow.info().parameters()));
        if (key.isEmpty() && InputHash.compute(arguments) instanceof HashResult.Unhashable unhashable) {
            scope.logger().warn("Argument '{}' cannot be hashed ({}); caching is off for this call",
                    unhashable.argumentName(), unhashable.reason());
        }
        ResultSerializer serializer = cache.serializer() != null ? cache.serializer()
                : flowResults.serializer() != null ? flowResults.serializer() : ResultSerializers.json();
        Path storage = cache.storage() != null ? cache.storage() : flowResults.storage();
        Optional<Instant> expiration = cache.expiration() == null
                ? Optional.empty()
                : Optional.of(scope.run().createdAt().plus(cache.expiration()));
        String cacheKey = key.orElse(null);
        String storageKey = cacheKey == null ? Ids.newId().toString() : storageKey(cacheKey);
        Type declared = task.method() == null ? Object.class : task.method().getGenericReturnType();
        return Optional.of(new Plan(cacheKey, storageKey, store(storage), serializer, expiration, cache.refresh(),
                cache.isolation(), declared));
    }

    private boolean persists(CacheSettings cache, CacheSettings.FlowResults flow) {
        if (cache.persistence() != Persistence.INHERIT) {
            return cache.persistence() == Persistence.ON;
        }
        if (cache.impliesPersistence()) {
            return true;
        }
        if (flow.persistence() != Persistence.INHERIT) {
            return flow.persistence() == Persistence.ON;
        }
        return config.persistResultsByDefault();
    }

    /** The cached result for the plan's key, unless there is none, it expired, or the plan refreshes. */
    Optional<Hit> lookup(Plan plan) {
        if (plan.cacheKey() == null || plan.refresh()) {
            return Optional.empty();
        }
        Optional<ResultRecord> record = plan.store().readRecord(plan.storageKey());
        if (record.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Hit(plan.store().value(record.get()), record.get().metadata().expiration()));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * Persists a flow run's result when the flow says so (or the runtime default does), under a new
     * key; empty when it is not persisted.
     *
     * @throws RuntimeException the serializer's exception when the value cannot be written
     */
    Optional<String> saveFlowResult(FlowDefinition flow, Object value) {
        CacheSettings.FlowResults results = flow.results();
        boolean persist = results.persistence() == Persistence.INHERIT
                ? config.persistResultsByDefault()
                : results.persistence() == Persistence.ON;
        if (!persist) {
            return Optional.empty();
        }
        String key = Ids.newId().toString();
        store(results.storage()).write(key, value, flow.method().getGenericReturnType(),
                results.serializer() != null ? results.serializer() : ResultSerializers.json(), Optional.empty());
        return Optional.of(key);
    }

    /** Stores a computed result; throws the serializer's exception when the value cannot be written. */
    void save(Plan plan, Object value) {
        plan.store().write(plan.storageKey(), value, plan.declaredType(), plan.serializer(), plan.expiration());
    }

    /** The lock that lets only one concurrent call with this key compute. */
    IsolationLock lock(Plan plan) {
        LockManager manager = locks;
        if (manager == null) {
            synchronized (this) {
                if (locks == null) {
                    locks = config.lockManager().orElseGet(
                            () -> LockManager.fileLocks(ResultStorage.defaultRoot().resolveSibling("locks")));
                }
                manager = locks;
            }
        }
        return manager.acquire(plan.storageKey(), Duration.ofHours(1));
    }

    private ResultStore store(Path storage) {
        if (storage != null) {
            return stores.computeIfAbsent(storage,
                    path -> ResultStore.create(ResultStorage.localFileSystem(path), config.clock()));
        }
        ResultStore store = defaultStore;
        if (store == null) {
            synchronized (this) {
                if (defaultStore == null) {
                    defaultStore = ResultStore.create(
                            config.resultStorage().orElseGet(ResultStorage::localFileSystem), config.clock());
                }
                store = defaultStore;
            }
        }
        return store;
    }

    private static String storageKey(String cacheKey) {
        return STORAGE_KEY.matcher(cacheKey).matches() ? cacheKey : InputHash.of(Map.of("key", cacheKey)).orElseThrow();
    }
}
