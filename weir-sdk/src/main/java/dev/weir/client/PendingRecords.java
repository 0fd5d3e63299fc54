package dev.weir.client;

import dev.weir.run.RunLog;
import dev.weir.run.TaskRun;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The task runs and log lines a {@link BatchingOrchestrator} has accepted and not yet handed on, and the
 * hand-off between the threads that add and flush them and the one thread that sends them.
 *
 * <p>The sender {@link #take takes} a batch when one is due: at once when the task runs or the log text
 * fill a batch; everything, a batch at a time, when the flush interval has passed, a flush is waiting or
 * the queue is closing. Task runs and lines leave in the order they came; within one batch the task runs
 * are sent before the lines, so a line never reaches the server before the task run it belongs to.
 *
 * <p>Log lines beyond the capacity are dropped and counted per flow run; the next flush (or interval)
 * turns the counts into one WARN line per flow run and a notice for the console.
 *
 * <p>Thread-safe: one lock guards everything.
 */
final class PendingRecords {

    /** What the sender hands on next: task runs first, then lines; {@code notices} go to the console. */
    record Batch(List<TaskRun> taskRuns, List<RunLog> logs, List<String> notices) {}

    static final String LOGGER = "weir.client";

    private final BatchingOptions options;
    private final InstantSource clock;
    private final long intervalNanos;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition due = lock.newCondition();
    private final Condition handedOn = lock.newCondition();
    private final ArrayDeque<TaskRun> taskRuns = new ArrayDeque<>();
    private final ArrayDeque<RunLog> logs = new ArrayDeque<>();
    private final Map<UUID, Long> droppedSinceReport = new LinkedHashMap<>();
    private final List<String> notices = new ArrayList<>();
    private long logChars;
    private long taskRunsAdded;
    private long taskRunsDone;
    private long logsAdded;
    private long logsDone;
    private long dropped;
    private long deadline;
    private boolean flushWanted;
    private boolean closing;

    PendingRecords(BatchingOptions options, InstantSource clock) {
        this.options = options;
        this.clock = clock;
        this.intervalNanos = options.flushInterval().toNanos();
        this.deadline = System.nanoTime() + intervalNanos;
    }

    /** Queues task runs in order; false (and nothing queued) once closing. */
    boolean addTaskRuns(List<TaskRun> added) {
        lock.lock();
        try {
            if (closing) {
                return false;
            }
            taskRuns.addAll(added);
            taskRunsAdded += added.size();
            if (taskRuns.size() >= options.maxTaskRunBatch()) {
                due.signal();
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Queues lines in order, dropping and counting those beyond the capacity; false (all dropped) once closing. */
    boolean addLogs(List<RunLog> added) {
        lock.lock();
        try {
            if (closing) {
                dropped += added.size();
                return false;
            }
            for (RunLog log : added) {
                if (logs.size() >= options.logQueueCapacity()) {
                    dropped++;
                    droppedSinceReport.merge(log.flowRunId(), 1L, Long::sum);
                } else {
                    queueLog(log);
                }
            }
            if (logChars >= options.maxLogBatchChars()) {
                due.signal();
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Lines dropped so far because the queue was full (or closed). */
    long dropped() {
        lock.lock();
        try {
            return dropped;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Blocks until everything queued before the call has been handed on (delivered or given up on).
     * Returns early, with the interrupt status set, if the thread is interrupted.
     */
    void flush() {
        lock.lock();
        try {
            reportDrops();
            long taskRunTarget = taskRunsAdded;
            long logTarget = logsAdded;
            while (taskRunsDone < taskRunTarget || logsDone < logTarget) {
                flushWanted = true;
                due.signal();
                handedOn.await();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            lock.unlock();
        }
    }

    /** Refuses new records; the sender sends what is left, then {@link #take} returns null. */
    void close() {
        lock.lock();
        try {
            closing = true;
            due.signal();
        } finally {
            lock.unlock();
        }
    }

    /** For the sender: waits until a batch is due and takes it; null once closing and empty. */
    Batch take() throws InterruptedException {
        lock.lock();
        try {
            while (true) {
                long now = System.nanoTime();
                if (closing || flushWanted || now - deadline >= 0) {
                    reportDrops();
                    if (!taskRuns.isEmpty() || !logs.isEmpty()) {
                        return takeBatch(true);
                    }
                    flushWanted = false;
                    deadline = now + intervalNanos;
                    if (closing) {
                        return null;
                    }
                } else if (taskRuns.size() >= options.maxTaskRunBatch() || logChars >= options.maxLogBatchChars()) {
                    return takeBatch(false);
                } else {
                    due.await(deadline - now, TimeUnit.NANOSECONDS);
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /** For the sender: the batch has been handed on (or given up on); wakes the flushes waiting for it. */
    void done(Batch batch) {
        lock.lock();
        try {
            taskRunsDone += batch.taskRuns().size();
            logsDone += batch.logs().size();
            handedOn.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private Batch takeBatch(boolean everything) {
        boolean logsFull = logChars >= options.maxLogBatchChars();
        List<TaskRun> taskRunBatch = new ArrayList<>();
        if (everything || logsFull || taskRuns.size() >= options.maxTaskRunBatch()) {
            while (!taskRuns.isEmpty() && taskRunBatch.size() < options.maxTaskRunBatch()) {
                taskRunBatch.add(taskRuns.poll());
            }
        }
        List<RunLog> logBatch = new ArrayList<>();
        if (everything || logsFull) {
            long chars = 0;
            while (!logs.isEmpty()) {
                long next = chars(logs.peek());
                if (!logBatch.isEmpty() && chars + next > options.maxLogBatchChars()) {
                    break;
                }
                logBatch.add(logs.poll());
                chars += next;
            }
            logChars -= chars;
        }
        List<String> batchNotices = List.copyOf(notices);
        notices.clear();
        return new Batch(taskRunBatch, logBatch, batchNotices);
    }

    private void reportDrops() {
        if (droppedSinceReport.isEmpty()) {
            return;
        }
        long total = 0;
        for (Map.Entry<UUID, Long> entry : droppedSinceReport.entrySet()) {
            total += entry.getValue();
            queueLog(new RunLog(entry.getKey(), null, "WARN", LOGGER, droppedMessage(entry.getValue()), clock.instant()));
        }
        droppedSinceReport.clear();
        notices.add("Weir: " + droppedMessage(total) + " (" + options.logQueueCapacity()
                + " lines waiting to be sent); raise BatchingOptions.logQueueCapacity or log less");
    }

    static String droppedMessage(long count) {
        return count == 1
                ? "1 log line was dropped because the log queue was full"
                : count + " log lines were dropped because the log queue was full";
    }

    private void queueLog(RunLog log) {
        logs.add(log);
        logsAdded++;
        logChars += chars(log);
    }

    private static long chars(RunLog log) {
        return log.message() == null ? 0 : log.message().length();
    }
}
