package dev.weir.cli.worker;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import dev.weir.api.ScheduledRunsRequest;
import dev.weir.api.SetStateRequest;
import dev.weir.api.SetStateResponse;
import dev.weir.cli.http.ApiClient;
import dev.weir.state.State;
import dev.weir.state.StateType;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
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
 * <p>Cancellation (REFERENCE R6): every second the worker looks for its in-flight runs that went
 * CANCELLING; for each it stops the child's whole process tree (SIGTERM, the grace period, SIGKILL)
 * and then proposes Cancelled, never Crashed. A run found cancelling or cancelled before its child
 * started is not started.
 *
 * <p>Runs on the calling thread until interrupted; each launched run has a virtual thread of its own.
 * Children already started keep running when the loop stops.
 */
public final class WorkerLoop {

    private static final TypeReference<SetStateResponse> STATE_RESPONSE = new TypeReference<>() {};

    private final ApiClient api;
    private final WorkerOptions options;
    private final Map<String, String> childEnv;
    private final PrintStream out;
    private final PrintStream err;
    private final Semaphore slots;
    private final String poolPath;
    private final BundleCache bundles;
    private final ChildLauncher launcher;
    private final CancellationWatch cancellations;
    private final ChildRecords children;

    /** How often the worker looks for in-flight runs that went CANCELLING. */
    static final Duration CANCEL_CHECK = Duration.ofSeconds(1);

    /**
     * @param childEnv added to each child's environment: WEIR_API_URL and, with auth, WEIR_API_KEY
     */
    public WorkerLoop(ApiClient api, WorkerOptions options, Map<String, String> childEnv, PrintStream out, PrintStream err) {
        this(api, options, childEnv, out, err, new StandbyLauncher(err));
    }

    WorkerLoop(ApiClient api, WorkerOptions options, Map<String, String> childEnv, PrintStream out, PrintStream err,
            ChildLauncher launcher) {
        this.api = api;
        this.launcher = launcher;
        this.options = options;
        this.childEnv = Map.copyOf(childEnv);
        this.out = out;
        this.err = err;
        this.slots = new Semaphore(options.limit());
        this.poolPath = "/work_pools/" + URLEncoder.encode(options.pool(), StandardCharsets.UTF_8);
        this.bundles = new BundleCache(api, java.nio.file.Path.of(System.getProperty("java.io.tmpdir"), "weir-bundles"));
        this.cancellations = new CancellationWatch(api, CANCEL_CHECK, err);
        this.children = new ChildRecords(options.records(), options.name());
    }

    /** Polls and launches until the thread is interrupted. */
    public void run() throws InterruptedException {
        ensurePool();
        try (ChildRecords records = children;
                Standbys standbys = new Standbys(launcher);
                CancellationWatch watch = cancellations.start();
                Heartbeat heartbeat = Heartbeat.start(api, options.pool(), options.name(), options.heartbeat(), err)) {
            out.println("Worker '" + options.name() + "' started on pool '" + options.pool() + "'"
                    + (options.queues().isEmpty() ? "" : " (queues " + String.join(", ", options.queues()) + ")")
                    + ", at most " + options.limit() + " runs at once.");
            stopOrphans();
            while (!Thread.currentThread().isInterrupted()) {
                slots.acquire();
                int free = 1 + slots.drainPermits();
                int claimed = 0;
                try {
                    JsonNode runs = api.post(poolPath + "/get_scheduled_flow_runs", new ScheduledRunsRequest(
                            options.queues(), java.time.Instant.now().plus(options.prefetch()), free,
                            (int) options.poll().toSeconds()));
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

    /** Stops the children earlier workers left behind whose runs have ended or are being cancelled. */
    private void stopOrphans() {
        try {
            if (!children.open()) {
                err.println("warning: another worker named '" + options.name() + "' runs on this machine; give each"
                        + " worker its own --name");
            }
        } catch (java.io.IOException e) {
            err.println("warning: cannot record this worker's children in " + options.records() + ": " + e.getMessage());
            return;
        }
        children.stopOrphans(api, options.cancelGrace(), out, err);
    }

    /** Stops the launcher's waiting children, if it keeps any, when the loop ends. */
    private record Standbys(ChildLauncher launcher) implements AutoCloseable {
        @Override
        public void close() {
            if (launcher instanceof StandbyLauncher standby) {
                standby.close();
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

    /** Runs one claimed run to its end: starts its child, watches it, settles the run's state. */
    void launch(JsonNode run) {
        UUID id = UUID.fromString(run.get("id").asText());
        InFlightRun inFlight = new InFlightRun(id, options.cancelGrace(), out);
        cancellations.add(inFlight);
        ChildProcess child = null;
        try {
            JsonNode deployment = api.get("/deployments/" + run.get("deploymentId").asText());
            String entrypoint = deployment.get("entrypoint").asText();
            JobVariables variables = JobVariables.of(api.get(poolPath), deployment);
            Map<String, String> env = new LinkedHashMap<>(variables.env());
            env.putAll(childEnv);
            SetStateResponse submitting = propose(id, State.of(StateType.PENDING, State.SUBMITTING, "", Instant.now()));
            if (!accepted(submitting)) {
                notStarted(id, submitting);
                return;
            }
            String classpath = classpath(variables);
            StateType now = stateOf(id);
            if (now == StateType.CANCELLING || now.isFinal()) {
                inFlight.cancel();
            }
            Optional<ChildProcess> started = inFlight.start(() -> launcher.start(id, entrypoint, classpath, env));
            if (started.isEmpty()) {
                out.println("Flow run " + id + " was cancelled before its process started; not starting it.");
                cancelled(id);
                return;
            }
            child = started.get();
            record(id, child);
            api.post(poolPath + "/flow_runs/" + id + "/infrastructure", Map.of("infrastructurePid", child.infrastructurePid()));
            SetStateResponse pending = propose(id, State.of(StateType.PENDING, State.INFRASTRUCTURE_PENDING, "", Instant.now()));
            out.println("Flow run " + id + " started as " + child.infrastructurePid() + ".");
            LogPump stdout = LogPump.start(api, id, child.process().getInputStream(), "INFO", err);
            LogPump stderr = LogPump.start(api, id, child.process().getErrorStream(), "ERROR", err);
            if (!accepted(pending)) {
                // Cancelled (or ended) while the child started: it must not run.
                inFlight.cancel();
            }
            int exit = child.waitFor();
            stdout.join();
            stderr.join();
            out.println("Flow run " + id + " process ended with " + ChildProcess.describeExit(exit) + ".");
            if (inFlight.cancelled()) {
                inFlight.awaitStopped();
                cancelled(id);
            } else if (exit != 0) {
                settleAfterExit(id, "The flow run's process exited with " + ChildProcess.describeExit(exit));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            err.println("error: flow run " + id + " could not be started: " + e.getMessage());
            if (child != null) {
                stop(child);
            }
            settleAfterExit(id, "The worker could not start the flow run's process: " + e.getMessage());
        } finally {
            cancellations.remove(inFlight);
            if (child != null && !child.process().isAlive()) {
                children.remove(id);
            }
        }
    }

    private void record(UUID id, ChildProcess child) {
        try {
            children.add(id, child);
        } catch (java.io.IOException e) {
            err.println("warning: could not record the process of flow run " + id + " in " + options.records()
                    + "; a later worker cannot stop it if this one dies: " + e.getMessage());
        }
    }

    /** Stops a child the worker could not finish starting: it must not run unwatched. */
    private void stop(ChildProcess child) {
        try {
            ProcessTree.terminate(child.process().toHandle(), options.cancelGrace());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            child.process().destroyForcibly();
        }
    }

    private static boolean accepted(SetStateResponse response) {
        return "ACCEPT".equals(response.status());
    }

    /** A run whose Submitting was refused: if it is being cancelled, it ends Cancelled; else someone else has it. */
    private void notStarted(UUID id, SetStateResponse refused) {
        if (refused.state() != null && refused.state().type() == StateType.CANCELLING) {
            out.println("Flow run " + id + " was cancelled before its process started; not starting it.");
            cancelled(id);
        } else {
            out.println("Flow run " + id + " not started: " + refused.reason() + ".");
        }
    }

    /** Ends a cancelled run whose processes are gone: Cancelled, unless it is already final. */
    private void cancelled(UUID id) {
        try {
            if (!stateOf(id).isFinal()) {
                SetStateResponse answer = propose(id, State.cancelled(Instant.now(), "The worker stopped the flow run's processes"));
                out.println("Flow run " + id + " is " + answer.state().name() + ".");
            }
        } catch (RuntimeException e) {
            err.println("warning: could not mark flow run " + id + " cancelled: " + e.getMessage());
        }
    }

    private StateType stateOf(UUID id) {
        return StateType.valueOf(api.get("/flow_runs/" + id).get("state").get("type").asText());
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

    /**
     * Settles a run whose child failed or could not start: nothing when it is final, Cancelled when it
     * is cancelling (its child ended before the worker stopped it), else Crashed with {@code message}.
     */
    private void settleAfterExit(UUID id, String message) {
        try {
            StateType type = stateOf(id);
            if (type == StateType.CANCELLING) {
                cancelled(id);
            } else if (!type.isFinal()) {
                propose(id, State.crashed(Instant.now(), message));
            }
        } catch (RuntimeException e) {
            err.println("warning: could not mark flow run " + id + " crashed: " + e.getMessage());
        }
    }

    private SetStateResponse propose(UUID id, State state) {
        return api.post("/flow_runs/" + id + "/set_state", new SetStateRequest(state, false), STATE_RESPONSE);
    }

    /** The environment a child needs to reach the API: its URL and, when there is one, the key. */
    public static Map<String, String> childEnvironment(ApiClient api, Optional<String> key) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("WEIR_API_URL", api.baseUrl().toString());
        key.ifPresent(k -> env.put("WEIR_API_KEY", k));
        return env;
    }
}
