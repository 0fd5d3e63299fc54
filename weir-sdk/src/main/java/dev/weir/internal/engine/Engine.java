package dev.weir.internal.engine;

import dev.weir.RunContext;
import dev.weir.TaskFuture;
import dev.weir.WeirConfig;
import dev.weir.WeirRuntime;
import dev.weir.function.TaskFunction0;
import java.io.Serializable;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What the {@link dev.weir.Weir} facade calls. Public for that facade only; no compatibility promise. */
public final class Engine {

    /** Runs a submitted function's arguments through it. */
    @FunctionalInterface
    public interface Invoker {
        Object invoke(Object[] args) throws Exception;
    }

    private static final Logger OUTSIDE = LoggerFactory.getLogger("weir");
    private static final java.util.concurrent.atomic.AtomicBoolean WARNED_OUTSIDE = new java.util.concurrent.atomic.AtomicBoolean();

    private Engine() {}

    /**
     * The runtime configured from the environment, created on first use; a bad setting throws its
     * {@link dev.weir.core.WeirException} to every caller until it is fixed, not a class-initialization error.
     */
    private static final class DefaultRuntime {
        private static volatile RuntimeImpl instance;

        static RuntimeImpl get() {
            RuntimeImpl runtime = instance;
            return runtime != null ? runtime : create();
        }

        private static synchronized RuntimeImpl create() {
            if (instance == null) {
                WeirConfig config = WeirConfig.fromEnvironment();
                config.orchestrator(DefaultOrchestrator.create(System.getenv(), config.clock()));
                DefaultOrchestrator.api(System.getenv(), config);
                RuntimeImpl runtime = new RuntimeImpl(config);
                Runtime.getRuntime().addShutdownHook(new Thread(runtime::close, "weir-flush"));
                instance = runtime;
            }
            return instance;
        }
    }

    /** The runtime {@code Weir.flows} uses, configured from the environment on first use. */
    public static WeirRuntime defaultRuntime() {
        return DefaultRuntime.get();
    }

    /** The runtime of the calling run, or the default one outside runs. */
    public static WeirRuntime currentRuntime() {
        return runtimeOf(Frames.current());
    }

    public static WeirRuntime newRuntime(WeirConfig config) {
        return new RuntimeImpl(config);
    }

    private static RuntimeImpl runtimeOf(Frame frame) {
        return frame != null ? frame.runtime() : DefaultRuntime.get();
    }

    /** Submits the task a function names (or the function itself as an ad-hoc task) to the current flow's runner. */
    public static TaskFuture<?> submit(Serializable function, Object[] args, Invoker invoker, List<TaskFuture<?>> upstream) {
        Frame frame = Frames.current();
        RuntimeImpl runtime = runtimeOf(frame);
        Optional<LambdaMethods.Target> target = LambdaMethods.target(function);
        TaskDefinition definition = runtime.taskFor(target.orElse(null), function.getClass());
        Method method = definition.method();
        Object receiver = method != null && hasHooks(definition) ? LambdaMethods.receiver(function).orElse(null) : null;
        Callable<?> body = method != null
                ? () -> Interceptor.passingThrough(method, () -> invoker.invoke(args))
                : () -> invoker.invoke(args);
        return runtime.tasks().submit(frame, definition, receiver, args, body, upstream);
    }

    private static boolean hasHooks(TaskDefinition definition) {
        Hooks hooks = definition.hooks();
        return !hooks.onRunning().isEmpty() || !hooks.onCompletion().isEmpty() || !hooks.onFailure().isEmpty();
    }

    public static <R> R runAdHoc(TaskOptions options, TaskFunction0<R> body) {
        Frame frame = Frames.current();
        RuntimeImpl runtime = runtimeOf(frame);
        @SuppressWarnings("unchecked") // the body returns R
        R value = (R) runtime.tasks().call(runtime.adHoc(options), null, new Object[0], body::apply);
        return value;
    }

    @SuppressWarnings("unchecked") // the body returns R
    public static <R> TaskFuture<R> submitAdHoc(TaskOptions options, TaskFunction0<R> body) {
        Frame frame = Frames.current();
        RuntimeImpl runtime = runtimeOf(frame);
        return (TaskFuture<R>) (TaskFuture<?>) runtime.tasks().submit(frame, runtime.adHoc(options), null, new Object[0],
                body::apply, List.of());
    }

    /**
     * Executes an existing flow run (one a deployment created) in this process: loads the entry point
     * ({@code com.acme.Etl#run}), converts the run's parameters to the method's Java types, and calls
     * the flow so that it records its states on that run. Returns the run's final state.
     *
     * @throws dev.weir.core.WeirException naming the entry point or the parameter that is wrong
     */
    public static dev.weir.state.State runFlowRun(java.util.UUID flowRunId, String entrypoint) {
        return FlowRunExecution.run(DefaultRuntime.get(), flowRunId, entrypoint);
    }

    /**
     * Executes an existing flow run as {@link #runFlowRun(java.util.UUID, String)} does, on {@code runtime}
     * and with the {@code @Flow} method already resolved (by {@link #flowMethod}).
     */
    public static dev.weir.state.State runFlowRun(WeirRuntime runtime, java.util.UUID flowRunId, Method flow) {
        return FlowRunExecution.run((RuntimeImpl) runtime, flowRunId, flow);
    }

    /** As {@link #runFlowRun(WeirRuntime, java.util.UUID, Method)}, given the run as the server just answered it. */
    public static dev.weir.state.State runFlowRun(WeirRuntime runtime, dev.weir.run.FlowRun run, Method flow) {
        return FlowRunExecution.run((RuntimeImpl) runtime, run, flow);
    }

    /**
     * The {@code @Flow} method of {@code type} named {@code flow} (its method name or flow name).
     *
     * @throws dev.weir.FlowDefinitionException if {@code type} cannot be orchestrated
     * @throws dev.weir.core.WeirException if it has no such flow
     */
    public static Method flowMethod(WeirRuntime runtime, Class<?> type, String flow) {
        return FlowRunExecution.flowMethod((RuntimeImpl) runtime, type, flow, "");
    }

    /**
     * The {@code @Flow} method a method reference such as {@code Etl::run} names.
     *
     * @throws dev.weir.core.WeirException if it names no {@code @Flow} method
     */
    public static Method flowMethod(Serializable reference) {
        Method method = LambdaMethods.target(reference).filter(t -> !t.isLambdaBody()).map(LambdaMethods.Target::method)
                .orElseThrow(() -> new dev.weir.core.WeirException("Expected a reference to a @Flow method, such as"
                        + " Etl::run; got a lambda or a reference Weir cannot resolve"));
        if (!method.isAnnotationPresent(dev.weir.Flow.class)) {
            throw new dev.weir.core.WeirException(method.getDeclaringClass().getName() + "#" + method.getName()
                    + " is not annotated @Flow; only flows can be served");
        }
        return method;
    }

    /** What a flow's annotation says of it (with the defaults applied): name, description, version. */
    public record FlowInfo(String name, String description, String version, int retries, double retryDelaySeconds) {}

    /** The name, description, version and retries of the flow {@code flow}, as the runtime reads its annotation. */
    public static FlowInfo flowInfo(WeirRuntime runtime, Method flow) {
        FlowDefinition definition = ((RuntimeImpl) runtime).definitionOf(flow.getDeclaringClass()).flows().get(flow);
        return new FlowInfo(definition.name(), definition.description(), definition.version(), definition.retries(),
                definition.retryDelaySeconds());
    }

    /** The settings {@code runtime} was created with. */
    public static WeirConfig config(WeirRuntime runtime) {
        return ((RuntimeImpl) runtime).config();
    }

    public static <T> TaskFuture<T> allowFailure(TaskFuture<T> upstream) {
        return upstream instanceof AllowFailure<T> ? upstream : new AllowFailure<>(upstream);
    }

    public static Logger logger() {
        Frame frame = Frames.current();
        if (frame == null) {
            if (WARNED_OUTSIDE.compareAndSet(false, true)) {
                OUTSIDE.warn("Weir.logger() was called outside a flow or task run; its lines are not recorded with any run");
            }
            return OUTSIDE;
        }
        return frame.logger();
    }

    public static <T> T pause(Class<T> input, java.time.Duration timeout) {
        return Pauses.pause(Frames.current(), input, timeout);
    }

    public static RunContext context() {
        Frame frame = Frames.current();
        if (frame == null) {
            return RunContext.NONE;
        }
        return new RunContext(
                Optional.ofNullable(frame.flow()).map(FlowScope::info),
                Optional.ofNullable(frame.task()).map(TaskScope::info));
    }
}
