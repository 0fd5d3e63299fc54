package dev.weir.internal.engine;

import dev.weir.FlowRunInfo;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One flow run in progress: its ids, parameters, task runner, open futures, result owners and the
 * counter that numbers its task runs.
 */
final class FlowScope {

    private final FlowDefinition definition;
    private final UUID id;
    private final String idText;
    private final String name;
    private final Map<String, Object> parameters;
    private final UUID parentTaskRunId;
    private final Runner runner;
    private final RunLogger logger;
    private final AtomicInteger taskCounter = new AtomicInteger();
    private final Queue<TaskFutureImpl<?>> futures = new ConcurrentLinkedQueue<>();
    private final ResultOwners owners = new ResultOwners();
    private volatile int attempt;
    private volatile boolean cancelRequested;
    private final AtomicInteger pauseCounter = new AtomicInteger();

    FlowScope(FlowDefinition definition, UUID id, String name, Map<String, Object> parameters, UUID parentTaskRunId,
            Runner runner, RunLogger logger) {
        this.definition = definition;
        this.id = id;
        this.idText = id.toString();
        this.name = name;
        this.parameters = parameters;
        this.parentTaskRunId = parentTaskRunId;
        this.runner = runner;
        this.logger = logger;
    }

    FlowDefinition definition() {
        return definition;
    }

    UUID id() {
        return id;
    }

    String idText() {
        return idText;
    }

    String name() {
        return name;
    }

    Runner runner() {
        return runner;
    }

    RunLogger logger() {
        return logger;
    }

    ResultOwners owners() {
        return owners;
    }

    int nextTaskIndex() {
        return taskCounter.getAndIncrement();
    }

    void track(TaskFutureImpl<?> future) {
        futures.add(future);
    }

    /** Waits for every future submitted in this run, whatever its state. */
    void awaitOpenFutures() {
        TaskFutureImpl<?> future;
        while ((future = futures.poll()) != null) {
            future.await();
        }
    }

    /** Marks the run as being cancelled: its attempt ends Cancelled, whatever it returns. */
    void requestCancel() {
        cancelRequested = true;
    }

    boolean cancelRequested() {
        return cancelRequested;
    }

    /** The key of the run's next pause: {@code pause-1}, {@code pause-2}, ... */
    String nextPauseKey() {
        return "pause-" + pauseCounter.incrementAndGet();
    }

    void attempt(int value) {
        this.attempt = value;
    }

    FlowRunInfo info() {
        return new FlowRunInfo(id, name, definition.name(), parameters, attempt, Optional.ofNullable(parentTaskRunId));
    }
}
