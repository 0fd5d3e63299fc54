package dev.weir.cli.worker;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weir.api.ScheduledRunsRequest;
import dev.weir.api.SetStateRequest;
import dev.weir.cli.http.ApiClient;
import dev.weir.state.State;
import dev.weir.state.StateType;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Semaphore;

/**
 * The worker's loop: claims due runs of its pool (never more than it has free slots), and for each
 * starts a child JVM, records where it runs, pumps its output into the run's logs and, when the child
 * exits non-zero while the run is not final, proposes Crashed at once with the exit code.
 *
 * <p>Runs on the calling thread until interrupted; each launched run has a virtual thread of its own.
 * Children already started keep running when the loop stops.
 */
public final class WorkerLoop {

    private final ApiClient api;
    private final WorkerOptions options;
    private final Map<String, String> childEnv;
    private final PrintStream out;
    private final PrintStream err;
    private final Semaphore slots;
    private final String poolPath;
    private final BundleCache bundles;

    /**
     * @param childEnv added to each child's environment: WEIR_API_URL and, with auth, WEIR_API_KEY
     */
    public WorkerLoop(ApiClient api, WorkerOptions options, Map<String, String> childEnv, PrintStream out, PrintStream err) {
        this.api = api;
        this.options = options;
        this.childEnv = Map.copyOf(childEnv);
        this.out = out;
        this.err = err;
        this.slots = new Semaphore(options.limit());
        this.poolPath = "/work_pools/" + URLEncoder.encode(options.pool(), StandardCharsets.UTF_8);
        this.bundles = new BundleCache(api, java.nio.file.Path.of(System.getProperty("java.io.tmpdir"), "weir-bundles"));
    }

    /** Polls and launches until the thread is interrupted. */
    public void run() throws InterruptedException {
        ensurePool();
        try (Heartbeat heartbeat = Heartbeat.start(api, options.pool(), options.name(), options.heartbeat(), err)) {
            out.println("Worker '" + options.name() + "' started on pool '" + options.pool() + "'"
                    + (options.queues().isEmpty() ? "" : " (queues " + String.join(", ", options.queues()) + ")")
                    + ", at most " + options.limit() + " runs at once.");
            while (!Thread.currentThread().isInterrupted()) {
                slots.acquire();
                int free = 1 + slots.drainPermits();
                int claimed = 0;
                try {
                    JsonNode runs = api.post(poolPath + "/get_scheduled_flow_runs", new ScheduledRunsRequest(
                            options.queues(), null, free, (int) options.poll().toSeconds()));
                    for (JsonNode run : runs) {
                        claimed++;
                        Thread.ofVirtual().name("weir-worker-run").start(() -> {
                            try {
                                launch(run);
                            } finally {
                                slots.release();
                            }
                        });
                    }
                } catch (RuntimeException e) {
                    err.println("warning: could not get runs from pool '" + options.pool() + "': " + e.getMessage());
                    Thread.sleep(1000);
                } finally {
                    slots.release(free - claimed);
                }
            }
        }
    }

    /** Creates the pool (type process, default queue) when it does not exist yet, as Prefect's workers do. */
    private void ensurePool() {
        try {
            api.get(poolPath);
        } catch (dev.weir.cli.http.ApiError missing) {
            if (missing.status() != 404) {
                throw missing;
            }
            api.post("/work_pools", Map.of("name", options.pool(), "type", "process"));
            out.println("Created work pool '" + options.pool() + "' (type process).");
        }
    }

    private void launch(JsonNode run) {
        UUID id = UUID.fromString(run.get("id").asText());
        try {
            JsonNode deployment = api.get("/deployments/" + run.get("deploymentId").asText());
            String entrypoint = deployment.get("entrypoint").asText();
            JobVariables variables = JobVariables.of(api.get(poolPath), deployment);
            String classpath = classpath(variables);
            Map<String, String> env = new LinkedHashMap<>(variables.env());
            env.putAll(childEnv);
            propose(id, State.of(StateType.PENDING, State.SUBMITTING, "", Instant.now()));
            ChildProcess child = ChildProcess.start(id, entrypoint, classpath, env);
            api.post(poolPath + "/flow_runs/" + id + "/infrastructure", Map.of("infrastructurePid", child.infrastructurePid()));
            propose(id, State.of(StateType.PENDING, State.INFRASTRUCTURE_PENDING, "", Instant.now()));
            out.println("Flow run " + id + " started as " + child.infrastructurePid() + ".");
            LogPump stdout = LogPump.start(api, id, child.process().getInputStream(), "INFO", err);
            LogPump stderr = LogPump.start(api, id, child.process().getErrorStream(), "ERROR", err);
            int exit = child.waitFor();
            stdout.join();
            stderr.join();
            out.println("Flow run " + id + " process ended with " + ChildProcess.describeExit(exit) + ".");
            if (exit != 0) {
                crashUnlessFinal(id, "The flow run's process exited with " + ChildProcess.describeExit(exit));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            err.println("error: flow run " + id + " could not be started: " + e.getMessage());
            crashUnlessFinal(id, "The worker could not start the flow run's process: " + e.getMessage());
        }
    }

    /**
     * The child's class path: the deployment's bundle unpacked here with its {@code classpath} entries
     * (what {@code weir deploy} registers), else a {@code classpath} text variable, else this worker's.
     */
    private String classpath(JobVariables variables) throws java.io.IOException {
        Optional<String> bundle = variables.text("bundle");
        JsonNode entries = variables.values().get("classpath");
        if (bundle.isPresent() && entries != null && entries.isArray()) {
            return bundles.classpath(bundle.get(), entries);
        }
        return variables.text("classpath").orElse(System.getProperty("java.class.path"));
    }

    private void crashUnlessFinal(UUID id, String message) {
        try {
            JsonNode current = api.get("/flow_runs/" + id);
            StateType type = StateType.valueOf(current.get("state").get("type").asText());
            if (!type.isFinal()) {
                propose(id, State.crashed(Instant.now(), message));
            }
        } catch (RuntimeException e) {
            err.println("warning: could not mark flow run " + id + " crashed: " + e.getMessage());
        }
    }

    private void propose(UUID id, State state) {
        api.post("/flow_runs/" + id + "/set_state", new SetStateRequest(state, false));
    }

    /** The environment a child needs to reach the API: its URL and, when there is one, the key. */
    public static Map<String, String> childEnvironment(ApiClient api, Optional<String> key) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("WEIR_API_URL", api.baseUrl().toString());
        key.ifPresent(k -> env.put("WEIR_API_KEY", k));
        return env;
    }
}
