/**
 * PostgreSQL connection handling over a HikariCP pool. No compatibility promise: only {@link
 * dev.weir.server.store.Database} uses it.
 */
package dev.weir.server.store.postgres;
