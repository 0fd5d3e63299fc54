package dev.weir.internal.engine;

import dev.weir.FlowRunException;
import dev.weir.TaskFuture;
import dev.weir.core.Ids;
import dev.weir.core.RunNames;
import dev.weir.orchestrator.FlowRunCreate;
import dev.weir.orchestrator.StateDecision;
import dev.weir.run.FlowRun;
import dev.weir.run.RetryPolicy;
import dev.weir.state.State;
import dev.weir.state.StateType;
import dev.weir.validation.ParameterValidationException;
import dev.weir.validation.ParameterValidator;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeoutException;

/**
 * Runs flow runs. The order of a run's steps, in one place:
 *
 * <ol>
 *   <li>name the run, create it Pending (a subflow also gets a placeholder task run in its parent);
 *   <li>validate the parameters: invalid ones end the run Failed before the body runs;
 *   <li>per attempt: propose Running (Retrying after a retry), running hooks, the body under its
 *       timeout, then wait for the run's open futures;
 *   <li>propose the final state; the orchestrator may answer AwaitingRetry, and the engine waits
 *       until the retry is due and starts the next attempt;
 *   <li>final hooks; the placeholder task run takes the child's final state.
 * </ol>
 *
 * Unlike task runs, every flow-run state goes through the orchestrator, whose rules decide.
 */
final class FlowEngine {

    private final RuntimeImpl runtime;

    FlowEngine(RuntimeImpl runtime) {
        this.runtime = runtime;
    }

    /** The flow run the next top-level flow call on this thread executes instead of creating one. */
    private static final ThreadLocal<FlowRun> EXISTING = new ThreadLocal<>();

    /** Runs {@code call} so that the flow it calls executes {@code run}, which already exists (a deployment's run). */
    static Object executing(FlowRun run, Callable<?> call) throws Exception {
        EXISTING.set(run);
        try {
            return call.call();
        } finally {
            EXISTING.remove();
        }
    }

    Object call(FlowDefinition definition, Object target, Object[] args, Callable<?> body) {
        Frame parent = Frames.current();
        FlowRun existing = parent == null ? EXISTING.get() : null;
        EXISTING.remove();
        Map<String, Object> parameters = Arguments.named(definition.parameterNames(), args);
        TaskScope placeholder = null;
        FlowRun run;
        if (existing != null) {
            run = existing;
        } else {
            String generated = definition.runName() != null ? definition.runName().render(parameters) : RunNames.generate();
            placeholder = parent != null && parent.flow() != null ? placeholder(parent, definition, generated) : null;
            run = runtime.orchestrator().createFlowRun(new FlowRunCreate(Ids.newId(), generated, definition.name(),
                    definition.version(), Arguments.jsonReady(parameters), List.of(),
                    placeholder == null ? null : placeholder.run().id(),
                    new RetryPolicy(definition.retries(), definition.retryDelaySeconds()), State.pending(now())));
        }
        String name = run.name();
        RunLogger logger = runtime.logger(run.id(), null, "Flow run '" + name + "'");
        Runner runner = Runner.create(definition.taskRunner(), definition.maxConcurrency());
        FlowScope scope = new FlowScope(definition, run.id(), name, parameters,
                placeholder == null ? null : placeholder.run().id(), runner, logger);
        Frame frame = new Frame(runtime, scope, null);
        Frame previous = Frames.enter(frame);
        Thread flowThread = Thread.currentThread();
        runtime.heartbeats().start(run.id(), () -> {
            logger.warn("Flow run '{}' is being cancelled; stopping it", name);
            scope.requestCancel();
            flowThread.interrupt();
        });
        Outcome outcome;
        try {
            if (definition.logPrints()) {
                PrintCapture.install();
            }
            logger.info("Beginning flow run '{}' for flow '{}'", name, definition.name());
            outcome = run(frame, scope, target, args, body);
            logger.info("Finished in state {}", outcome.state);
            definition.hooks().onFinal(target, outcome.state, logger);
        } finally {
            runtime.heartbeats().stop(run.id());
            runner.close();
            Frames.exit(previous);
            if (scope.cancelRequested()) {
                Thread.interrupted(); // the cancel's interrupt ends with the run it was for
            }
        }
        if (placeholder != null) {
            finishPlaceholder(placeholder, outcome.state, run.id());
        }
        if (outcome.state.isCompleted()) {
            return outcome.value;
        }
        throw new FlowRunException("Flow run '" + name + "' of flow '" + definition.name() + "' finished in state "
                + outcome.state, run.id(), outcome.state, outcome.failure);
    }

    private record Outcome(State state, Object value, Throwable failure) {}

    private Outcome run(Frame frame, FlowScope scope, Object target, Object[] args, Callable<?> body) {
        FlowDefinition definition = scope.definition();
        if (definition.validateParameters()) {
            try {
                ParameterValidator.validate(definition.method(), args);
            } catch (ParameterValidationException e) {
                scope.logger().error("{}", e.getMessage());
                State invalid = State.failed(now(), e.getMessage());
                State failed = propose(scope, invalid.withDetails(invalid.details().notRetriable()));
                return new Outcome(failed, null, e);
            }
        }
        State proposal = State.running(now());
        while (true) {
            State running = propose(scope, proposal);
            if (running.type() != StateType.RUNNING) {
                return new Outcome(running, null, null);
            }
            scope.attempt(runtime.orchestrator().flowRun(scope.id()).map(FlowRun::runCount).orElse(1));
            definition.hooks().onRunning(target, running, scope.logger());
            Attempt attempt = attempt(frame, scope, body);
            if (scope.cancelRequested()) {
                Thread.interrupted(); // the cancel's interrupt has done its work; the run's last writes need none
                State cancelled = propose(scope, State.cancelled(now(), "Cancelled while running"));
                return new Outcome(cancelled, null, attempt.failure);
            }
            State end = propose(scope, attempt.proposal);
            if (end.type() == StateType.SCHEDULED && State.AWAITING_RETRY.equals(end.name())) {
                Instant due = end.details().scheduledTime();
                Duration wait = due == null ? Duration.ZERO : Duration.between(now(), due);
                scope.logger().warn("Attempt failed with {}; retrying in {} s", attempt.proposal.message(),
                        TaskEngine.seconds(wait.isNegative() ? Duration.ZERO : wait));
                sleep(wait);
                proposal = State.retrying(now());
                continue;
            }
            return new Outcome(end, attempt.value, attempt.failure);
        }
    }

    private record Attempt(State proposal, Object value, Throwable failure) {}

    private Attempt attempt(Frame frame, FlowScope scope, Callable<?> body) {
        Duration timeout = scope.definition().timeout();
        try {
            Object value = timeout == null ? body.call() : Timeouts.call(body, timeout, frame);
            scope.awaitOpenFutures();
            return persisted(scope, returned(value));
        } catch (TimeoutException e) {
            String message = "Flow run '" + scope.name() + "' exceeded its timeout of " + TaskEngine.seconds(timeout) + " s";
            scope.logger().error(message);
            return new Attempt(State.timedOut(now(), message), null,
                    new dev.weir.core.WeirException(message));
        } catch (Throwable failure) {
            if (failure instanceof InterruptedException && !scope.cancelRequested()) {
                Thread.currentThread().interrupt();
            }
            if (scope.cancelRequested()) {
                return new Attempt(State.cancelled(now(), "Cancelled while running"), null, failure);
            }
            scope.logger().error("Encountered exception during execution: {}", TaskEngine.describe(failure), failure);
            scope.awaitOpenFutures();
            return new Attempt(State.failed(now(), TaskEngine.describe(failure)), null, failure);
        }
    }

    /** The final state a returned value implies: a returned state, or the states of returned futures. */
    private Attempt returned(Object value) {
        if (value instanceof State state) {
            return new Attempt(state, value, null);
        }
        List<TaskFuture<?>> futures = futures(value);
        long incomplete = futures.stream().filter(f -> !f.await().isCompleted()).count();
        if (incomplete > 0) {
            return new Attempt(State.failed(now(), incomplete + " of " + futures.size()
                    + " returned task runs did not complete"), value, null);
        }
        return new Attempt(State.completed(now()), value, null);
    }

    /** The completed state with the result's storage key, or Failed when the result cannot be persisted. */
    private Attempt persisted(FlowScope scope, Attempt attempt) {
        if (!attempt.proposal().isCompleted()) {
            return attempt;
        }
        try {
            return runtime.caching().saveFlowResult(scope.definition(), attempt.value())
                    .map(key -> new Attempt(attempt.proposal().withDetails(attempt.proposal().details().withResultKey(key)),
                            attempt.value(), null))
                    .orElse(attempt);
        } catch (RuntimeException e) {
            scope.logger().error("The flow's result could not be persisted: {}", e.getMessage());
            return new Attempt(State.failed(now(), "The result could not be persisted: " + e.getMessage()), null, e);
        }
    }

    private static List<TaskFuture<?>> futures(Object value) {
        if (value instanceof TaskFuture<?> future) {
            return List.of(future);
        }
        if (value instanceof Collection<?> collection && !collection.isEmpty()
                && collection.iterator().next() instanceof TaskFuture<?>) {
            return collection.stream().filter(TaskFuture.class::isInstance).<TaskFuture<?>>map(f -> (TaskFuture<?>) f).toList();
        }
        return List.of();
    }

    /** Proposes {@code state}, waiting and proposing again while the orchestrator says WAIT. */
    private State propose(FlowScope scope, State state) {
        State proposal = state;
        while (true) {
            StateDecision decision = runtime.orchestrator().setFlowRunState(scope.id(), proposal);
            switch (decision) {
                case StateDecision.Accept accept -> {
                    return accept.state();
                }
                case StateDecision.Reject reject -> {
                    return reject.state();
                }
                case StateDecision.Abort abort -> {
                    scope.logger().warn("The orchestrator aborted {}: {}", proposal, abort.reason());
                    return abort.state();
                }
                case StateDecision.Wait wait -> {
                    sleep(wait.delay());
                    proposal = new State(proposal.type(), proposal.name(), proposal.message(), now(), proposal.details());
                }
            }
        }
    }

    private TaskScope placeholder(Frame parent, FlowDefinition definition, String childName) {
        TaskDefinition task = new TaskDefinition(definition.name(), "subflow:" + definition.name(), "", List.of(),
                definition.version(), 0, RetryDelays.NONE, null, List.of(), null, null, false, null, List.of(), Hooks.NONE,
                CacheSettings.DEFAULT);
        TaskScope scope = runtime.tasks().prepare(parent, task, new Object[0], List.of());
        runtime.orchestrator().recordTaskRun(scope.transition(State.running(now())));
        return scope;
    }

    private void finishPlaceholder(TaskScope placeholder, State childState, UUID childId) {
        State copy = new State(childState.type(), childState.name(), childState.message(), now(),
                childState.details().withChildFlowRunId(childId));
        runtime.orchestrator().recordTaskRun(placeholder.transition(copy));
    }

    private void sleep(Duration duration) {
        try {
            runtime.sleeper().sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Instant now() {
        return runtime.clock().instant();
    }
}
