package dev.weir.cli.worker;

import java.io.IOException;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Starts each run in a child JVM that was started before the run was claimed: after a run of a class
 * path, environment and entry point starts, the next child for them is started at once and readies
 * itself (the JVM, the SDK, the connection to the server, the flow's class), then waits for its run on its
 * standard input. A run of the
 * same deployment then starts without waiting for a JVM. At most {@link #SPARES} such children wait at
 * once (the most recently used kinds); the others are stopped, and all of them when the worker stops.
 * A waiting child that died is replaced by a child started for the run, as without a standby.
 */
final class StandbyLauncher implements ChildLauncher, AutoCloseable {

    /** How many kinds of child (class path, environment and entry point) keep one waiting child each. */
    static final int SPARES = 2;

    private record Kind(String classpath, Map<String, String> env, String entrypoint) {}

    private final PrintStream err;
    private final LinkedHashMap<Kind, Process> waiting = new LinkedHashMap<>();
    private boolean closed;

    StandbyLauncher(PrintStream err) {
        this.err = err;
    }

    @Override
    public ChildProcess start(UUID flowRunId, String entrypoint, String classpath, Map<String, String> env) throws IOException {
        Kind kind = new Kind(classpath, Map.copyOf(env), entrypoint);
        Process standby = take(kind);
        ChildProcess child = null;
        if (standby != null && standby.isAlive()) {
            try {
                child = ChildProcess.assign(standby, flowRunId, entrypoint);
            } catch (IOException gone) {
                standby.destroyForcibly();
            }
        }
        if (child == null) {
            child = ChildProcess.start(flowRunId, entrypoint, classpath, env);
        }
        Thread.ofVirtual().name("weir-standby").start(() -> prepare(kind));
        return child;
    }

    private synchronized Process take(Kind kind) {
        return waiting.remove(kind);
    }

    private void prepare(Kind kind) {
        Process process;
        try {
            process = ChildProcess.startStandby(kind.classpath(), kind.env(), kind.entrypoint());
        } catch (IOException e) {
            err.println("warning: could not start a standby child JVM: " + e.getMessage());
            return;
        }
        synchronized (this) {
            if (closed) {
                process.destroyForcibly();
                return;
            }
            Process replaced = waiting.put(kind, process);
            if (replaced != null) {
                replaced.destroyForcibly();
            }
            while (waiting.size() > SPARES) {
                Kind oldest = waiting.keySet().iterator().next();
                waiting.remove(oldest).destroyForcibly();
            }
        }
    }

    /** Stops the children still waiting. */
    @Override
    public synchronized void close() {
        closed = true;
        waiting.values().forEach(Process::destroyForcibly);
        waiting.clear();
    }
}
