package dev.weir.worker;

import dev.weir.core.WeirException;
import dev.weir.internal.engine.Engine;
import dev.weir.state.State;
import java.util.UUID;

/**
 * Executes one existing flow run and exits: {@code java -cp <bundle> dev.weir.worker.FlowRunMain
 * <flow-run-id> <com.acme.Etl#run>}. The run is recorded where the environment says
 * ({@code WEIR_API_URL}, else the local database). Exit code 0 when the run completed, 1 when it ended
 * in another state or could not start (the reason on stderr), 2 for wrong arguments.
 *
 * <p>The process does not outlive the one that started it: when its worker exits (even killed with
 * {@code kill -9}), it proposes Crashed for its run (a deployment run with retries left goes back to
 * its queue) and halts with exit code 3, so no orphan keeps running a run that another worker may retry.
 * A run that did not complete leaves no process behind: the processes its flow started and left
 * running are stopped (SIGTERM, SIGKILL after 2 s) before the exit.
 */
public final class FlowRunMain {

    private FlowRunMain() {}

    public static void main(String[] args) {
        if (args.length >= 1 && args[0].equals("--standby")) {
            args = standBy(args.length > 1 ? args[1] : null);
        }
        if (args.length == 2) {
            exitWithParent(args[0]);
        }
        int code = run(args);
        if (code != 0) {
            stopDescendants();
        }
        System.exit(code);
    }

    /**
     * Readies this JVM for a run before it has one ({@code --standby [entrypoint]}, started by a worker
     * ahead of its next claim): the SDK's runtime and its connection, JSON mapping, class generation, and
     * the flow class of the entry point it expects. Then waits for one line on standard input, {@code
     * <flow-run-id> <entrypoint>}, and returns it as the arguments. Exits when the worker goes, or closes
     * the input, first.
     */
    private static String[] standBy(String expected) {
        ProcessHandle.current().parent().ifPresent(parent -> parent.onExit().thenRun(() -> {
            if (!ASSIGNED.get()) {
                Runtime.getRuntime().halt(0);
            }
        }));
        try {
            dev.weir.core.Json.mapper().readValue(
                    dev.weir.core.Json.mapper().writeValueAsString(State.pending(java.time.Instant.now())), State.class);
            Engine.defaultRuntime().flows(Standby.class);
            // One request of the kind the run makes first (an unknown run: not found), so the connection
            // and the client's first-use costs are paid now.
            Engine.defaultRuntime().orchestrator().flowRun(new UUID(0, 0));
            int hash = expected == null ? -1 : expected.indexOf('#');
            if (hash > 0) {
                Engine.defaultRuntime().flows(Class.forName(expected.substring(0, hash), true,
                        Thread.currentThread().getContextClassLoader()));
            }
            org.slf4j.LoggerFactory.getLogger(FlowRunMain.class).debug("standing by");
        } catch (RuntimeException | java.io.IOException | ClassNotFoundException | LinkageError e) {
            // Only readying: the run meets and reports what is wrong.
        }
        String line;
        try {
            line = new java.io.BufferedReader(new java.io.InputStreamReader(System.in, java.nio.charset.StandardCharsets.UTF_8))
                    .readLine();
        } catch (java.io.IOException e) {
            line = null;
        }
        if (line == null || line.isBlank()) {
            System.exit(0);
        }
        ASSIGNED.set(true);
        return line.strip().split(" ", 2);
    }

    private static final java.util.concurrent.atomic.AtomicBoolean ASSIGNED = new java.util.concurrent.atomic.AtomicBoolean();

    /** A flow class of Weir's own, whose generated subclass readies class generation in a standby JVM. */
    public static class Standby {
        @dev.weir.Flow(name = "weir-standby")
        void ready() {}
    }

    /**
     * Stops the processes the flow started and left running, when its run did not complete (it was
     * cancelled, failed, or its worker is gone): none of them may outlive the run.
     */
    private static void stopDescendants() {
        java.util.List<ProcessHandle> left = ProcessHandle.current().descendants().toList();
        left.forEach(ProcessHandle::destroy);
        for (ProcessHandle process : left) {
            try {
                process.onExit().get(2, java.util.concurrent.TimeUnit.SECONDS);
            } catch (Exception notYet) {
                process.destroyForcibly();
            }
        }
    }

    /**
     * Starts what the run needs on other threads while this one connects and reads the run: JSON
     * mapping, and the flow class's generated subclass. Each only fills a cache; a failure here is left
     * for the run itself to meet and report.
     */
    private static void warmUp(String entrypoint) {
        Thread.ofPlatform().daemon().name("weir-warm-json").start(() -> {
            try {
                dev.weir.core.Json.mapper().readValue(
                        dev.weir.core.Json.mapper().writeValueAsString(State.pending(java.time.Instant.now())), State.class);
            } catch (Exception ignored) {
                // only a warm-up
            }
        });
        int hash = entrypoint.indexOf('#');
        if (hash > 0) {
            Thread.ofPlatform().daemon().name("weir-warm-flow").start(() -> {
                try {
                    Class<?> type = Class.forName(entrypoint.substring(0, hash), true,
                            Thread.currentThread().getContextClassLoader());
                    Engine.defaultRuntime().flows(type);
                } catch (Throwable ignored) {
                    // only a warm-up
                }
            });
        }
    }

    private static void exitWithParent(String flowRunId) {
        ProcessHandle.current().parent().ifPresent(parent -> parent.onExit().thenRun(() -> {
            System.err.println("The process that started flow run " + flowRunId + " (pid " + parent.pid()
                    + ") has exited; the run stops with it");
            try {
                Engine.defaultRuntime().orchestrator().setFlowRunState(UUID.fromString(flowRunId), State.crashed(
                        java.time.Instant.now(), "The worker that started the flow run's process exited (pid "
                                + parent.pid() + ")"));
                Engine.defaultRuntime().orchestrator().flush();
            } catch (RuntimeException e) {
                System.err.println("warning: could not mark flow run " + flowRunId + " crashed: " + e.getMessage());
            } finally {
                stopDescendants();
                Runtime.getRuntime().halt(3);
            }
        }));
    }

    static int run(String[] args) {
        if (args.length != 2) {
            System.err.println("usage: FlowRunMain <flow-run-id> <entrypoint, such as com.acme.Etl#run>");
            return 2;
        }
        UUID id;
        try {
            id = UUID.fromString(args[0]);
        } catch (IllegalArgumentException e) {
            System.err.println("error: the flow run id must be a UUID, got '" + args[0] + "'");
            return 2;
        }
        warmUp(args[1]);
        try {
            State state = Engine.runFlowRun(id, args[1]);
            System.err.println("Flow run " + id + " finished in state " + state);
            return state.isCompleted() ? 0 : 1;
        } catch (WeirException e) {
            System.err.println("error: " + e.getMessage());
            return 1;
        }
    }
}
