package dev.weir.internal.engine;

import dev.weir.TaskFuture;
import dev.weir.TaskRunException;
import dev.weir.cache.CacheIsolation;
import dev.weir.cache.IsolationLock;
import dev.weir.core.Ids;
import dev.weir.run.TaskInput;
import dev.weir.run.TaskRun;
import dev.weir.state.State;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeoutException;

/**
 * Runs task runs. The order of a run's steps, in one place:
 *
 * <ol>
 *   <li>{@link #prepare}: id, name, call index, the graph edges of its arguments and waited-for
 *       upstreams; recorded Pending.
 *   <li>{@link #execute}: wait for upstreams (NotReady if one did not complete and failure is not
 *       allowed); plan persistence and the cache key; a cache hit ends Cached without running the body
 *       (SERIALIZABLE isolation looks again under the key's lock); then per attempt: Running (or Retrying), running hooks, the body under its timeout;
 *       Completed, or AwaitingRetry and a wait when retries remain, else Failed or TimedOut; the
 *       result persisted before Completed is recorded; the final hooks.
 * </ol>
 *
 * Task-run states are decided here, not by the orchestrator, and recorded as they happen.
 */
final class TaskEngine {

    private final RuntimeImpl runtime;

    TaskEngine(RuntimeImpl runtime) {
        this.runtime = runtime;
    }

    /** A task called directly: runs now, on this thread; returns its value or throws its failure. */
    Object call(TaskDefinition definition, Object target, Object[] args, Callable<?> body) {
        Frame frame = Frames.current();
        TaskScope scope = prepare(frame, definition, args, List.of());
        return execute(frame, scope, target, body, List.of()).valueOrRethrow();
    }

    /** A task submitted to the flow's runner: prepared here, executed there. */
    TaskFuture<Object> submit(Frame frame, TaskDefinition definition, Object target, Object[] args, Callable<?> body,
            List<TaskFuture<?>> upstream) {
        TaskScope scope = prepare(frame, definition, args, upstream);
        TaskFutureImpl<Object> future = new TaskFutureImpl<>(scope.run().id(), scope.run().name(), scope.run().state());
        scope.future(future);
        FlowScope flow = scope.flow();
        if (flow != null) {
            flow.track(future);
        }
        Runner runner = flow != null ? flow.runner() : runtime.standaloneRunner();
        runner.submit(() -> future.complete(execute(frame, scope, target, body, upstream)));
        return future;
    }

    TaskScope prepare(Frame frame, TaskDefinition definition, Object[] args, List<TaskFuture<?>> upstream) {
        FlowScope flow = frame == null ? null : frame.flow();
        int index = flow == null ? 0 : flow.nextTaskIndex();
        Map<String, Object> parameters = Arguments.named(definition.parameterNames(), args);
        String name = definition.runName() != null
                ? definition.runName().render(parameters)
                : definition.name() + "-" + index;
        UUID id = Ids.newId();
        Instant now = runtime.clock().instant();
        List<String> tags = definition.tags();
        if (frame != null && frame.task() != null && !frame.task().run().tags().isEmpty()) {
            List<String> merged = new ArrayList<>(frame.task().run().tags());
            tags.stream().filter(tag -> !merged.contains(tag)).forEach(merged::add);
            tags = List.copyOf(merged);
        }
        TaskRun run = new TaskRun(id, name, definition.taskKey(), flow == null ? null : flow.id(), index, tags,
                edges(flow, parameters, upstream), State.pending(now), 0, now, null, null, Duration.ZERO);
        RunLogger logger = runtime.logger(flow == null ? null : flow.id(), id, "Task run '" + name + "'");
        TaskScope scope = new TaskScope(definition, flow, run, parameters, logger);
        runtime.orchestrator().recordTaskRun(run);
        return scope;
    }

    private static Map<String, List<TaskInput>> edges(FlowScope flow, Map<String, Object> parameters,
            List<TaskFuture<?>> upstream) {
        if (flow == null || (parameters.isEmpty() && upstream.isEmpty())) {
            return Map.of();
        }
        Map<String, List<TaskInput>> edges = new LinkedHashMap<>();
        parameters.forEach((name, value) -> {
            List<UUID> owners = flow.owners().ownersOf(value);
            if (!owners.isEmpty()) {
                edges.put(name, owners.stream().map(TaskInput::result).toList());
            }
        });
        if (!upstream.isEmpty()) {
            edges.put(TaskRun.WAIT_FOR, upstream.stream().map(f -> TaskInput.waitFor(f.taskRunId())).toList());
        }
        return edges;
    }

    TaskOutcome execute(Frame parent, TaskScope scope, Object target, Callable<?> body, List<TaskFuture<?>> upstream) {
        Frame frame = new Frame(runtime, scope.flow(), scope);
        Frame previous = Frames.enter(frame);
        try {
            if (scope.logPrints()) {
                PrintCapture.install();
            }
            TaskOutcome blocked = waitForUpstream(scope, upstream);
            if (blocked != null) {
                return blocked;
            }
            Optional<Caching.Plan> plan = runtime.caching().plan(scope);
            if (plan.isEmpty()) {
                return attempts(frame, scope, target, body, null);
            }
            return cachedOrComputed(frame, scope, target, body, plan.get());
        } finally {
            Frames.exit(previous);
        }
    }

    /** The cache lookup, under the key's lock for SERIALIZABLE isolation, then the attempts if it missed. */
    private TaskOutcome cachedOrComputed(Frame frame, TaskScope scope, Object target, Callable<?> body, Caching.Plan plan) {
        Optional<Caching.Hit> hit = runtime.caching().lookup(plan);
        if (hit.isPresent()) {
            return cached(scope, target, hit.get(), plan);
        }
        if (plan.cacheKey() == null || plan.isolation() != CacheIsolation.SERIALIZABLE) {
            return attempts(frame, scope, target, body, plan);
        }
        try (IsolationLock lock = runtime.caching().lock(plan)) {
            hit = runtime.caching().lookup(plan);
            return hit.isPresent() ? cached(scope, target, hit.get(), plan) : attempts(frame, scope, target, body, plan);
        }
    }

    private TaskOutcome cached(TaskScope scope, Object target, Caching.Hit hit, Caching.Plan plan) {
        State cached = State.cached(now());
        cached = cached.withDetails(cached.details().withCache(plan.cacheKey(), hit.expiration().orElse(null))
                .withResultKey(plan.storageKey()));
        record(scope, cached);
        if (scope.flow() != null) {
            scope.flow().owners().register(hit.value(), scope.run().id());
        }
        scope.logger().info("Finished in state {}", cached);
        scope.definition().hooks().onFinal(target, cached, scope.logger());
        return new TaskOutcome(cached, hit.value(), null, scope.run().name());
    }

    private TaskOutcome waitForUpstream(TaskScope scope, List<TaskFuture<?>> upstream) {
        for (TaskFuture<?> future : upstream) {
            State state = future.await();
            if (!state.isCompleted() && !(future instanceof AllowFailure<?>)) {
                State notReady = State.notReady(now(), "Upstream task run " + future.taskRunId() + " did not complete: " + state);
                record(scope, notReady);
                scope.logger().info("Not run: upstream finished in state {}", state);
                return new TaskOutcome(notReady, null, null, scope.run().name());
            }
        }
        return null;
    }

    private TaskOutcome attempts(Frame frame, TaskScope scope, Object target, Callable<?> body, Caching.Plan plan) {
        TaskDefinition definition = scope.definition();
        for (int attempt = 1; ; attempt++) {
            State running = attempt == 1 ? State.running(now()) : State.retrying(now());
            record(scope, running);
            definition.hooks().onRunning(target, running, scope.logger());
            Throwable failure;
            boolean timedOut = false;
            try {
                Object value = definition.timeout() == null ? body.call() : Timeouts.call(body, definition.timeout(), frame);
                return completed(scope, target, value, plan);
            } catch (TimeoutException e) {
                timedOut = true;
                failure = new TaskRunException("Task run '" + scope.run().name() + "' exceeded its timeout of "
                        + seconds(definition.timeout()) + " s", null, null);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = e;
            } catch (Throwable e) {
                failure = e;
            }
            boolean retriable = retriable(scope, failure);
            if (attempt <= definition.retries() && retriable && !(failure instanceof InterruptedException)) {
                Duration delay = definition.delays().before(attempt);
                State awaiting = State.awaitingRetry(now(), now().plus(delay), describe(failure));
                record(scope, awaiting);
                scope.logger().warn("Failed with {} - retry {}/{} in {} s", describe(failure), attempt,
                        definition.retries(), seconds(delay));
                if (!sleep(delay)) {
                    return failed(scope, target, State.failed(now(), "Interrupted while waiting to retry"), failure, false);
                }
                continue;
            }
            State end = timedOut ? State.timedOut(now(), describe(failure)) : State.failed(now(), describe(failure));
            if (!retriable) {
                end = end.withDetails(end.details().notRetriable());
            }
            return failed(scope, target, end, failure, timedOut);
        }
    }

    private boolean retriable(TaskScope scope, Throwable failure) {
        TaskDefinition definition = scope.definition();
        if (!definition.retriesOn(failure)) {
            return false;
        }
        try {
            return definition.retryCondition().shouldRetry(scope.info(), failure);
        } catch (RuntimeException e) {
            scope.logger().error("Retry condition {} failed; not retrying", definition.retryCondition().getClass().getName(), e);
            return false;
        }
    }

    private TaskOutcome completed(TaskScope scope, Object target, Object value, Caching.Plan plan) {
        State completed = State.completed(now());
        if (plan != null) {
            try {
                runtime.caching().save(plan, value);
            } catch (RuntimeException e) {
                return failed(scope, target, State.failed(now(), "The result could not be persisted: " + e.getMessage()), e, false);
            }
            completed = completed.withDetails(completed.details().withResultKey(plan.storageKey()));
            if (plan.cacheKey() != null) {
                completed = completed.withDetails(completed.details().withCache(plan.cacheKey(), plan.expiration().orElse(null)));
            }
        }
        record(scope, completed);
        if (scope.flow() != null) {
            scope.flow().owners().register(value, scope.run().id());
        }
        scope.logger().info("Finished in state {}", completed);
        scope.definition().hooks().onFinal(target, completed, scope.logger());
        return new TaskOutcome(completed, value, null, scope.run().name());
    }

    private TaskOutcome failed(TaskScope scope, Object target, State end, Throwable failure, boolean timedOut) {
        record(scope, end);
        scope.logger().error("Finished in state {}", end, failure);
        scope.definition().hooks().onFinal(target, end, scope.logger());
        Throwable thrown = timedOut ? new TaskRunException(failure.getMessage(), end, null) : failure;
        return new TaskOutcome(end, null, thrown, scope.run().name());
    }

    private void record(TaskScope scope, State state) {
        runtime.orchestrator().recordTaskRun(scope.transition(state));
    }

    private boolean sleep(Duration delay) {
        try {
            runtime.sleeper().sleep(delay);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private Instant now() {
        return runtime.clock().instant();
    }

    static String describe(Throwable failure) {
        String message = failure.getMessage();
        String type = failure.getClass().getSimpleName();
        return message == null || message.isBlank() ? type : type + ": " + message;
    }

    static String seconds(Duration duration) {
        return String.valueOf(duration.toNanos() / 1e9);
    }
}
