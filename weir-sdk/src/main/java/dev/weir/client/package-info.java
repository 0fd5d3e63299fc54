/**
 * Where runs are recorded: {@link dev.weir.client.InMemoryOrchestrator} for tests and local runs,
 * {@link dev.weir.client.HttpOrchestrator} for a Weir server, and {@link dev.weir.client.Orchestrators}
 * to batch (and print) the calls of either.
 */
package dev.weir.client;
