/**
 * Result persistence: serializers that turn task return values into bytes, storages that keep the
 * bytes, and the {@link dev.weir.result.ResultStore} that writes and reads checksummed result records.
 */
package dev.weir.result;
