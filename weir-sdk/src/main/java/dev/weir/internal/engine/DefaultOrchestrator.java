package dev.weir.internal.engine;

import dev.weir.client.HttpOrchestrator;
import dev.weir.client.InMemoryOrchestrator;
import dev.weir.client.Orchestrators;
import dev.weir.core.WeirException;
import dev.weir.orchestrator.Orchestrator;
import dev.weir.orchestrator.OrchestratorProvider;
import java.time.InstantSource;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.stream.StreamSupport;

/**
 * Chooses where the default runtime records runs: the Weir API when {@code WEIR_API_URL} is set; else
 * the {@link OrchestratorProvider} with the lowest priority on the class path (weir-server's embedded
 * database); else memory. The first two are batched; all are printed to the console.
 */
final class DefaultOrchestrator {

    private DefaultOrchestrator() {}

    /** The default runtime's orchestrator, printing to the console as it was before any print capture. */
    static Orchestrator create(Map<String, String> environment, InstantSource clock) {
        return Orchestrators.printing(select(environment, clock, ServiceLoader.load(OrchestratorProvider.class)),
                PrintCapture.originalOut());
    }

    /** The orchestrator the settings in {@code environment} and the {@code providers} found call for. */
    static Orchestrator select(Map<String, String> environment, InstantSource clock,
            Iterable<OrchestratorProvider> providers) {
        String url = environment.get(HttpOrchestrator.API_URL);
        if (url != null && !url.isBlank()) {
            return Orchestrators.batching(HttpOrchestrator.fromEnvironment(environment));
        }
        return first(providers)
                .<Orchestrator>map(provider -> Orchestrators.batching(provider.create()))
                .orElseGet(() -> InMemoryOrchestrator.create(clock));
    }

    /** Sets the API address and key of {@code config} from {@code WEIR_API_URL} and {@code WEIR_API_KEY}, when set. */
    static void api(Map<String, String> environment, dev.weir.WeirConfig config) {
        String url = environment.get(HttpOrchestrator.API_URL);
        if (url != null && !url.isBlank()) {
            config.apiUrl(java.net.URI.create(url.trim()));
            String key = environment.get(HttpOrchestrator.API_KEY);
            if (key != null && !key.isBlank()) {
                config.apiKey(key.trim());
            }
        }
    }

    private static Optional<OrchestratorProvider> first(Iterable<OrchestratorProvider> providers) {
        try {
            return StreamSupport.stream(providers.spliterator(), false)
                    .min(Comparator.comparingInt(OrchestratorProvider::priority));
        } catch (ServiceConfigurationError e) {
            throw new WeirException("Cannot load an " + OrchestratorProvider.class.getName()
                    + " from the class path: " + e.getMessage(), e);
        }
    }
}
