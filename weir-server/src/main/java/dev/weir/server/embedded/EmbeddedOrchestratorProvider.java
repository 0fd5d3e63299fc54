package dev.weir.server.embedded;

import dev.weir.orchestrator.Orchestrator;
import dev.weir.orchestrator.OrchestratorProvider;
import dev.weir.server.store.Database;

/** Offers the local database ({@code WEIR_DATABASE_URL}, else {@code $WEIR_HOME/weir.db}) to the SDK. */
public final class EmbeddedOrchestratorProvider implements OrchestratorProvider {

    @Override
    public Orchestrator create() {
        return EmbeddedOrchestrator.open(Database.defaultUrl());
    }
}
