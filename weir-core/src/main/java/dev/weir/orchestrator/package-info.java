/** The contract between the engine and whatever records runs: in memory, embedded SQLite or the HTTP API. */
package dev.weir.orchestrator;
