package dev.weir.client;

import dev.weir.Sleeper;
import dev.weir.orchestrator.FlowRunCreate;
import dev.weir.orchestrator.Orchestrator;
import dev.weir.orchestrator.StateDecision;
import dev.weir.run.FlowRun;
import dev.weir.run.RunLog;
import dev.weir.run.TaskRun;
import dev.weir.state.State;
import java.io.PrintStream;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Sends task runs and log lines to another orchestrator in batches, from one background virtual thread,
 * so that recording never waits for the network. Create one with {@link Orchestrators#batching}.
 *
 * <p><b>Recording</b> ({@link #recordTaskRun}, {@link #recordLog} and their batch forms) queues and returns
 * at once. Batches go out every {@link BatchingOptions#flushInterval() flush interval}, or as soon as
 * one is full. Every task-run update is sent, in the order recorded (none is coalesced away), and so
 * is every line; the task runs of a batch are sent before its lines.
 *
 * <p><b>Flow runs</b> are created, proposed and read synchronously through the delegate. Before a
 * final state (completed, failed, cancelled, crashed) is proposed, and before a subflow run is created,
 * everything queued is flushed, so a finished flow run never lacks its task runs and a subflow's
 * placeholder task run exists before the subflow.
 *
 * <p><b>Nothing is lost silently.</b> When the log queue is full, new lines are dropped and counted
 * ({@link #droppedLogs()}); the next flush sends a WARN line to each affected flow run saying how many
 * of its lines were lost, and prints one line on {@code System.err}. A batch the delegate refuses is
 * tried {@value #DELIVERY_ATTEMPTS} times, then reported on {@code System.err} with its size and the
 * error and counted ({@link #failedTaskRuns()}, {@link #failedLogs()}); it is never thrown into the flow.
 * Records arriving after {@link #close()} are counted the same way.
 *
 * <p>Thread-safe.
 */
public final class BatchingOrchestrator implements Orchestrator {

    /** How often a batch is offered to the delegate before it is given up on. */
    static final int DELIVERY_ATTEMPTS = 3;

    private static final Duration RETRY_DELAY = Duration.ofSeconds(1);

    private final Orchestrator delegate;
    private final PendingRecords pending;
    private final Sleeper sleeper;
    private final PrintStream err;
    private final Thread sender;
    private final AtomicLong failedTaskRuns = new AtomicLong();
    private final AtomicLong failedLogs = new AtomicLong();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicBoolean warnedAfterClose = new AtomicBoolean();

    private BatchingOrchestrator(Orchestrator delegate, BatchingOptions options, Sleeper sleeper, PrintStream err) {
        this.delegate = delegate;
        this.pending = new PendingRecords(options, InstantSource.system());
        this.sleeper = sleeper;
        this.err = err;
        this.sender = Thread.ofVirtual().name("weir-batch-sender").unstarted(this::send);
    }

    /** A batching orchestrator whose sender has started; {@code sleeper} paces retries, {@code err} gets reports. */
    static BatchingOrchestrator start(Orchestrator delegate, BatchingOptions options, Sleeper sleeper, PrintStream err) {
        BatchingOrchestrator orchestrator = new BatchingOrchestrator(delegate, options, sleeper, err);
        orchestrator.sender.start();
        return orchestrator;
    }

    /** Flushes first when the run is a subflow, so that its placeholder task run has been sent. */
    @Override
    public FlowRun createFlowRun(FlowRunCreate create) {
        if (create.parentTaskRunId() != null) {
            flush();
        }
        return delegate.createFlowRun(create);
    }

    /** Flushes first when {@code proposed} is final, so that the run's task runs and lines are all sent. */
    @Override
    public StateDecision setFlowRunState(UUID flowRunId, State proposed) {
        if (proposed.isFinal()) {
            flush();
        }
        return delegate.setFlowRunState(flowRunId, proposed);
    }

    @Override
    public Optional<FlowRun> flowRun(UUID flowRunId) {
        return delegate.flowRun(flowRunId);
    }

    @Override
    public Optional<FlowRun> heartbeat(UUID flowRunId) {
        return delegate.heartbeat(flowRunId);
    }

    @Override
    public Optional<Object> runInput(UUID flowRunId, String key) {
        return delegate.runInput(flowRunId, key);
    }

    @Override
    public void recordTaskRun(TaskRun taskRun) {
        recordTaskRuns(List.of(taskRun));
    }

    /** Queues the task runs together, in order. */
    @Override
    public void recordTaskRuns(List<TaskRun> taskRuns) {
        if (!pending.addTaskRuns(taskRuns)) {
            failedTaskRuns.addAndGet(taskRuns.size());
            warnAfterClose();
        }
    }

    @Override
    public void recordLog(RunLog log) {
        recordLogs(List.of(log));
    }

    /** Queues the lines together, in order, dropping (and counting) those that do not fit. */
    @Override
    public void recordLogs(List<RunLog> logs) {
        if (!pending.addLogs(logs)) {
            warnAfterClose();
        }
    }

    /**
     * Blocks until everything recorded before the call has been handed to the delegate (or given up on
     * and counted), then flushes the delegate. Returns early if the thread is interrupted.
     */
    @Override
    public void flush() {
        pending.flush();
        if (!closed.get()) {
            delegate.flush();
        }
    }

    /** Sends everything queued, stops the sender and closes the delegate; later calls do nothing. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        pending.close();
        boolean interrupted = false;
        while (sender.isAlive()) {
            try {
                sender.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        delegate.close();
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Log lines dropped so far because the log queue was full (or the orchestrator closed). */
    public long droppedLogs() {
        return pending.dropped();
    }

    /** Task runs the delegate refused, or that arrived after {@link #close()}. */
    public long failedTaskRuns() {
        return failedTaskRuns.get();
    }

    /** Log lines the delegate refused. */
    public long failedLogs() {
        return failedLogs.get();
    }

    private void send() {
        while (true) {
            PendingRecords.Batch batch;
            try {
                batch = pending.take();
            } catch (InterruptedException e) {
                continue; // Nobody else interrupts this thread; it must live to send what is queued.
            }
            if (batch == null) {
                return;
            }
            batch.notices().forEach(err::println);
            try {
                deliver(batch.taskRuns(), "task runs", delegate::recordTaskRuns, failedTaskRuns);
                deliver(batch.logs(), "log lines", delegate::recordLogs, failedLogs);
            } finally {
                pending.done(batch);
            }
        }
    }

    private <T> void deliver(List<T> records, String what, Consumer<List<T>> destination, AtomicLong failures) {
        if (records.isEmpty()) {
            return;
        }
        Throwable last = null;
        int attempt = 0;
        while (attempt < DELIVERY_ATTEMPTS) {
            attempt++;
            try {
                destination.accept(records);
                return;
            } catch (RuntimeException | Error e) {
                // Errors too (a StackOverflowError from a deeply nested value, say): the sender must live on.
                last = e;
            }
            if (attempt < DELIVERY_ATTEMPTS && !pause(RETRY_DELAY.multipliedBy(attempt))) {
                break;
            }
        }
        failures.addAndGet(records.size());
        err.println("Weir: could not record a batch of " + records.size() + " " + what + " after " + attempt
                + (attempt == 1 ? " attempt" : " attempts") + "; they are lost: " + last);
    }

    private boolean pause(Duration delay) {
        try {
            sleeper.sleep(delay);
            return true;
        } catch (InterruptedException e) {
            return false;
        }
    }

    private void warnAfterClose() {
        if (warnedAfterClose.compareAndSet(false, true)) {
            err.println("Weir: task runs or log lines were recorded after the orchestrator was closed; they are "
                    + "counted as lost (is a run still going while the JVM shuts down?)");
        }
    }
}
