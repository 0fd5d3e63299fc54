/**
 * Cache keys and isolation: input hashes, task-source hashes, composable cache policies, and the
 * locks that make a cached task run at most once per key under SERIALIZABLE isolation.
 */
package dev.weir.cache;
