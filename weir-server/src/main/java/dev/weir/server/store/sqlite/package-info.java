/**
 * SQLite connection handling: the single writer thread with group commit, and the read-only
 * connection pool. No compatibility promise: only {@link dev.weir.server.store.Database} uses it.
 */
package dev.weir.server.store.sqlite;
