package dev.weir.cache;

import java.util.Optional;

/**
 * Computes a task's cache key from its context, overriding the cache policy; empty means "do not cache".
 *
 * <p>Named on a task by class, so an implementation needs a public no-argument constructor. It must be
 * thread safe and deterministic across JVM runs: build keys from content (see {@link InputHash}), never
 * from {@code hashCode}. Keys are at most {@value CachePolicy#MAX_KEY_LENGTH} characters, and become
 * storage keys, so should use only {@code [A-Za-z0-9._-]}.
 */
@FunctionalInterface
public interface CacheKeyFunction {

    /** The cache key for this call, or empty to skip caching. */
    Optional<String> key(CacheKeyContext context);
}
