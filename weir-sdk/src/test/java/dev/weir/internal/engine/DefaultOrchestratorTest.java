package dev.weir.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weir.client.BatchingOrchestrator;
import dev.weir.client.InMemoryOrchestrator;
import dev.weir.core.Ids;
import dev.weir.core.WeirException;
import dev.weir.orchestrator.FlowRunCreate;
import dev.weir.orchestrator.Orchestrator;
import dev.weir.orchestrator.OrchestratorProvider;
import dev.weir.state.State;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DefaultOrchestratorTest {

    private static final InstantSource CLOCK = InstantSource.fixed(Instant.parse("2026-06-01T12:00:00Z"));

    /** A provider of in-memory orchestrators that remembers the last one it made. */
    private static final class MemoryProvider implements OrchestratorProvider {
        final int priority;
        InMemoryOrchestrator created;

        MemoryProvider(int priority) {
            this.priority = priority;
        }

        @Override
        public int priority() {
            return priority;
        }

        @Override
        public Orchestrator create() {
            created = InMemoryOrchestrator.create(CLOCK);
            return created;
        }
    }

    @Test
    void refusesAnApiUrlWithoutSchemeNamingTheVariableAndTheExpectedForm() {
        assertThatThrownBy(() -> DefaultOrchestrator.select(Map.of("WEIR_API_URL", "127.0.0.1:4200/api"), CLOCK, List.of()))
                .isInstanceOf(WeirException.class)
                .hasMessageContaining("WEIR_API_URL")
                .hasMessageContaining("'127.0.0.1:4200/api'")
                .hasMessageContaining("http(s)://host:port/api");
    }

    @Test
    void batchesTheApiWhenWeirApiUrlIsSetEvenWithProvidersPresent() {
        MemoryProvider provider = new MemoryProvider(1);
        try (Orchestrator chosen = DefaultOrchestrator.select(Map.of("WEIR_API_URL", "http://127.0.0.1:4200/api"), CLOCK,
                List.of(provider))) {
            assertThat(chosen).isInstanceOf(BatchingOrchestrator.class);
        }
        assertThat(provider.created).isNull();
    }

    @Test
    void batchesTheProviderWithTheLowestPriority() {
        MemoryProvider low = new MemoryProvider(10);
        MemoryProvider high = new MemoryProvider(100);
        try (Orchestrator chosen = DefaultOrchestrator.select(Map.of("WEIR_API_URL", " "), CLOCK, List.of(high, low))) {
            assertThat(chosen).isInstanceOf(BatchingOrchestrator.class);
            FlowRunCreate create = new FlowRunCreate(Ids.newId(), "run", "flow", null, null, null, null, null,
                    State.pending(CLOCK.instant()));
            chosen.createFlowRun(create);
            assertThat(low.created.flowRun(create.id())).isPresent();
        }
        assertThat(high.created).isNull();
    }

    @Test
    void recordsInMemoryWhenNothingElseIsConfigured() {
        assertThat(DefaultOrchestrator.select(Map.of(), CLOCK, List.of())).isInstanceOf(InMemoryOrchestrator.class);
    }
}
