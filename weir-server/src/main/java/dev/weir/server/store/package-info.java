/**
 * Storage of runs, states, logs and events behind one API, on SQLite or PostgreSQL: {@link
 * dev.weir.server.store.Database} opens a database and hands out one store per aggregate.
 */
package dev.weir.server.store;
