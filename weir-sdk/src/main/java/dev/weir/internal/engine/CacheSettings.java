package dev.weir.internal.engine;

import dev.weir.cache.CacheIsolation;
import dev.weir.cache.CachePolicy;
import dev.weir.result.Persistence;
import dev.weir.result.ResultSerializer;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A task's cache and result options, read and checked once.
 *
 * @param impliesPersistence whether an option was set that switches persistence on (policy, key
 *     function, expiration, serializer or storage)
 * @param expiration null for never
 * @param serializer null for the flow's, else json
 * @param storage null for the flow's, else the runtime's
 */
record CacheSettings(
        Persistence persistence,
        boolean impliesPersistence,
        CachePolicy policy,
        Duration expiration,
        boolean refresh,
        CacheIsolation isolation,
        ResultSerializer serializer,
        Path storage) {

    static final CacheSettings DEFAULT = new CacheSettings(
            Persistence.INHERIT, false, CachePolicy.DEFAULT, null, false, CacheIsolation.READ_COMMITTED, null, null);

    CacheSettings withRefresh() {
        return new CacheSettings(persistence, impliesPersistence, policy, expiration, true, isolation, serializer, storage);
    }

    /** The result options of a flow, which its tasks inherit. */
    record FlowResults(Persistence persistence, ResultSerializer serializer, Path storage) {
        static final FlowResults DEFAULT = new FlowResults(Persistence.INHERIT, null, null);
    }
}
