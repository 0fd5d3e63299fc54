package dev.weir.internal.engine;

import dev.weir.orchestrator.Orchestrator;
import dev.weir.run.FlowRun;
import dev.weir.state.StateType;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Beats for the flow runs this process executes: every interval, one heartbeat per run in progress,
 * on one daemon thread started with the first run. A run that misses three beats is Crashed by the
 * server, so a process that dies takes its runs with it; the answer to a beat says when a run is
 * being cancelled, and its cancel action then runs once. A beat that fails is logged and retried at
 * the next interval.
 */
final class Heartbeats implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Heartbeats.class);

    private final Orchestrator orchestrator;
    private final Duration interval;
    private final Map<UUID, Runnable> runs = new ConcurrentHashMap<>();
    private volatile Thread thread;
    private volatile boolean closed;

    Heartbeats(Orchestrator orchestrator, Duration interval) {
        this.orchestrator = orchestrator;
        this.interval = interval;
    }

    /** Beats for the run until {@link #stop}; {@code onCancel} runs once when a beat finds it cancelling. */
    void start(UUID flowRunId, Runnable onCancel) {
        runs.put(flowRunId, onCancel);
        if (thread == null) {
            synchronized (this) {
                if (thread == null && !closed) {
                    thread = Thread.ofPlatform().daemon().name("weir-heartbeats").start(this::loop);
                }
            }
        }
    }

    void stop(UUID flowRunId) {
        runs.remove(flowRunId);
    }

    private void loop() {
        while (!closed) {
            LockSupport.parkNanos(interval.toNanos());
            if (closed) {
                return;
            }
            for (Map.Entry<UUID, Runnable> run : runs.entrySet()) {
                beat(run.getKey(), run.getValue());
            }
        }
    }

    /** One beat for one run; public to the package so tests need not wait for the interval. */
    void beat(UUID flowRunId, Runnable onCancel) {
        try {
            Optional<FlowRun> stored = orchestrator.heartbeat(flowRunId);
            StateType type = stored.map(r -> r.state().type()).orElse(null);
            if ((type == StateType.CANCELLING || type == StateType.CANCELLED) && runs.remove(flowRunId, onCancel)) {
                onCancel.run();
            }
        } catch (RuntimeException e) {
            LOG.warn("Heartbeat of flow run {} failed; trying again in {} s: {}", flowRunId, interval.toSeconds(), e.getMessage());
        }
    }

    @Override
    public void close() {
        closed = true;
        Thread running = thread;
        if (running != null) {
            LockSupport.unpark(running);
        }
    }
}
