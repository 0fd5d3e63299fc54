/**
 * Records the runs of a plain {@code main()} in the local database when no server is configured:
 * the SDK finds {@link dev.weir.server.embedded.EmbeddedOrchestratorProvider} through the ServiceLoader.
 */
package dev.weir.server.embedded;
