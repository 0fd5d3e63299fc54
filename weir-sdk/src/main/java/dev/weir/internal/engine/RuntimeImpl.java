package dev.weir.internal.engine;

import dev.weir.FlowDefinitionException;
import dev.weir.Sleeper;
import dev.weir.Task;
import dev.weir.WeirConfig;
import dev.weir.WeirRuntime;
import dev.weir.client.HttpOrchestrator;
import dev.weir.client.InMemoryOrchestrator;
import dev.weir.client.Orchestrators;
import dev.weir.orchestrator.Orchestrator;
import java.lang.reflect.Method;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.event.Level;

/** A configured Weir: orchestrator, clock, sleeper, engines, and the classes it has orchestrated. */
final class RuntimeImpl implements WeirRuntime {

    private final WeirConfig config;
    private final Orchestrator orchestrator;
    private final Level logLevel;
    private final TaskEngine tasks = new TaskEngine(this);
    private final FlowEngine flows = new FlowEngine(this);
    private final Runner standalone = new ConcurrentRunner(0);
    private final Caching caching;
    private final Heartbeats heartbeats;
    private final Map<Class<?>, Interceptor> interceptors = new ConcurrentHashMap<>();
    private final Map<Method, TaskDefinition> taskDefinitions = new ConcurrentHashMap<>();
    private final Map<Object, TaskDefinition> adHocDefinitions = new ConcurrentHashMap<>();

    RuntimeImpl(WeirConfig config) {
        this.config = config;
        this.orchestrator = config.orchestrator()
                .or(() -> config.apiUrl().map(url -> Orchestrators.batching(HttpOrchestrator.create(url, config.apiKey()))))
                .orElseGet(() -> InMemoryOrchestrator.create(config.clock()));
        this.logLevel = Level.valueOf(config.logLevel());
        this.caching = new Caching(config);
        this.heartbeats = new Heartbeats(orchestrator, config.runHeartbeat());
    }

    @Override
    public <T> T flows(Class<T> type) {
        Interceptor interceptor = interceptors.computeIfAbsent(type, this::interceptorOf);
        try {
            return type.cast(Proxies.instantiate(interceptor.definition(), interceptor));
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw new FlowDefinitionException("The constructor of " + type.getName() + " failed: " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new FlowDefinitionException("Cannot create an instance of " + type.getName() + ": " + e, e);
        }
    }

    /** The flows and tasks of {@code type}, read and checked once. */
    ClassDefinition definitionOf(Class<?> type) {
        return interceptors.computeIfAbsent(type, this::interceptorOf).definition();
    }

    private Interceptor interceptorOf(Class<?> type) {
        ClassDefinition definition = DefinitionReader.read(type, config);
        taskDefinitions.putAll(definition.tasks());
        return new Interceptor(this, definition);
    }

    /** The definition of the task a submitted function names; an ad-hoc one when it names no task. */
    TaskDefinition taskFor(LambdaMethods.Target target, Object lambdaClass) {
        if (target == null) {
            return adHocDefinitions.computeIfAbsent(lambdaClass, key -> DefinitionReader.adHoc(
                    new TaskOptions("task", -1, new double[0], 0, List.of()),
                    config, "lambda:" + key));
        }
        Method method = target.method();
        TaskDefinition known = taskDefinitions.get(method);
        if (known != null) {
            return known;
        }
        if (method.isAnnotationPresent(Task.class)) {
            ClassDefinition definition = DefinitionReader.read(method.getDeclaringClass(), config);
            taskDefinitions.putAll(definition.tasks());
            return definition.tasks().get(method);
        }
        String name = target.isLambdaBody() ? target.enclosingName() + "-lambda" : method.getName();
        return adHocDefinitions.computeIfAbsent(method, key -> DefinitionReader.adHoc(
                new TaskOptions(name, -1, new double[0], 0, List.of()), config,
                method.getDeclaringClass().getName() + "#" + method.getName()));
    }

    TaskDefinition adHoc(TaskOptions options) {
        return DefinitionReader.adHoc(options, config, "adhoc:" + options.name());
    }

    RunLogger logger(UUID flowRunId, UUID taskRunId, String label) {
        return new RunLogger(orchestrator, config.clock(), logLevel, flowRunId, taskRunId, label);
    }

    TaskEngine tasks() {
        return tasks;
    }

    FlowEngine flows() {
        return flows;
    }

    Heartbeats heartbeats() {
        return heartbeats;
    }

    Caching caching() {
        return caching;
    }

    Runner standaloneRunner() {
        return standalone;
    }

    WeirConfig config() {
        return config;
    }

    InstantSource clock() {
        return config.clock();
    }

    Sleeper sleeper() {
        return config.sleeper();
    }

    @Override
    public Orchestrator orchestrator() {
        return orchestrator;
    }

    @Override
    public void close() {
        heartbeats.close();
        orchestrator.close();
    }
}
