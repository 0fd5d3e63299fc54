package dev.weir.cli.worker;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import dev.weir.api.FlowRunQuery;
import dev.weir.cli.http.ApiClient;
import dev.weir.cli.http.ApiError;
import dev.weir.state.StateType;
import java.io.PrintStream;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Notices which of the worker's in-flight runs went CANCELLING and cancels them ({@link
 * InFlightRun#cancel()}), on a virtual thread of its own until closed.
 *
 * <p>One request per period while runs are in flight, none while idle: the CANCELLING runs of the
 * server (few: CANCELLING is a passing state), matched against the in-flight ones. Only when that
 * page is full does it ask for each in-flight run instead.
 */
final class CancellationWatch implements AutoCloseable {

    private static final int PAGE = 1000;
    private static final TypeReference<List<JsonNode>> RUNS = new TypeReference<>() {};

    private final Map<UUID, InFlightRun> runs = new ConcurrentHashMap<>();
    private final ApiClient api;
    private final PrintStream err;
    private final Thread thread;

    /** A watch that looks every {@code every} once {@link #start}ed. */
    CancellationWatch(ApiClient api, Duration every, PrintStream err) {
        this.api = api;
        this.err = err;
        this.thread = Thread.ofVirtual().name("weir-worker-cancellations").unstarted(() -> loop(every));
    }

    /** Starts watching; returns this watch. */
    CancellationWatch start() {
        thread.start();
        return this;
    }

    /** Watches {@code run} until {@link #remove}d. */
    void add(InFlightRun run) {
        runs.put(run.id(), run);
    }

    void remove(InFlightRun run) {
        runs.remove(run.id(), run);
    }

    private void loop(Duration every) {
        while (true) {
            try {
                Thread.sleep(every);
                if (!runs.isEmpty()) {
                    cancelling().forEach(id -> {
                        InFlightRun run = runs.get(id);
                        if (run != null) {
                            run.cancel();
                        }
                    });
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                err.println("warning: could not check for cancelled flow runs: " + e.getMessage());
            }
        }
    }

    /** The ids of in-flight runs that are CANCELLING now. */
    private Set<UUID> cancelling() {
        List<JsonNode> page = List.copyOf(api.post("/flow_runs/filter", new FlowRunQuery(List.of(StateType.CANCELLING),
                List.of(), null, null, null, null, PAGE, 0), RUNS));
        Set<UUID> out = new HashSet<>();
        if (page.size() < PAGE) {
            page.forEach(run -> out.add(UUID.fromString(run.path("id").asText())));
            return out;
        }
        for (UUID id : Set.copyOf(runs.keySet())) {
            try {
                if (api.get("/flow_runs/" + id).path("state").path("type").asText().equals(StateType.CANCELLING.name())) {
                    out.add(id);
                }
            } catch (ApiError e) {
                if (e.status() != 404) {
                    throw e;
                }
            }
        }
        return out;
    }

    @Override
    public void close() {
        thread.interrupt();
    }
}
