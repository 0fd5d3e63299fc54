package dev.weir.orchestrator;

/**
 * Supplies an orchestrator found on the class path through {@link java.util.ServiceLoader}: weir-server
 * provides one that records runs in the local database when no API URL is configured.
 */
public interface OrchestratorProvider {

    /** Lower runs first when several providers are present. */
    default int priority() {
        return 100;
    }

    /** A new orchestrator; the caller closes it. */
    Orchestrator create();
}
