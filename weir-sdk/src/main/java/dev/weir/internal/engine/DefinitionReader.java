package dev.weir.internal.engine;

import dev.weir.Flow;
import dev.weir.FlowDefinitionException;
import dev.weir.RetryCondition;
import dev.weir.Task;
import dev.weir.WeirConfig;
import dev.weir.result.ResultSerializer;
import dev.weir.result.ResultSerializers;
import dev.weir.state.State;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Reads the {@code @Flow} and {@code @Task} methods of a class and checks everything that can be
 * checked before a run: modifiers, constructor, retry and timeout values, templates, hooks. Every
 * problem found is reported at once, each naming its method.
 */
final class DefinitionReader {

    private final Class<?> type;
    private final WeirConfig config;
    private final List<String> problems = new ArrayList<>();
    private final String version;

    private DefinitionReader(Class<?> type, WeirConfig config) {
        this.type = type;
        this.config = config;
        this.version = ClassChecksum.of(type);
    }

    /** The class's flows and tasks, keyed by method. */
    static ClassDefinition read(Class<?> type, WeirConfig config) {
        return new DefinitionReader(type, config).read();
    }

    private ClassDefinition read() {
        checkClass();
        Map<Method, FlowDefinition> flows = new LinkedHashMap<>();
        Map<Method, TaskDefinition> tasks = new LinkedHashMap<>();
        for (Method method : annotatedMethods()) {
            Flow flow = method.getAnnotation(Flow.class);
            Task task = method.getAnnotation(Task.class);
            if (flow != null && task != null) {
                problems.add(where(method) + " is both @Flow and @Task; choose one");
                continue;
            }
            if (!checkModifiers(method, flow != null ? "@Flow" : "@Task")) {
                continue;
            }
            if (flow != null) {
                FlowDefinition definition = flow(method, flow);
                if (definition != null) {
                    flows.put(method, definition);
                }
            } else {
                TaskDefinition definition = task(method, task);
                if (definition != null) {
                    tasks.put(method, definition);
                }
            }
        }
        if (problems.isEmpty() && flows.isEmpty() && tasks.isEmpty()) {
            problems.add(type.getName() + " has no @Flow or @Task methods to orchestrate");
        }
        if (!problems.isEmpty()) {
            throw new FlowDefinitionException("Cannot orchestrate " + type.getName() + ":\n  - " + String.join("\n  - ", problems));
        }
        return new ClassDefinition(type, Map.copyOf(flows), Map.copyOf(tasks));
    }

    private void checkClass() {
        if (type.isInterface() || type.isPrimitive() || type.isArray() || type.isEnum() || type.isRecord()) {
            problems.add(type.getName() + " must be a class that can be subclassed (not an interface, enum, record or array)");
            return;
        }
        int modifiers = type.getModifiers();
        if (Modifier.isFinal(modifiers)) {
            problems.add(type.getName() + " is final; Weir intercepts calls through a generated subclass, so remove 'final'");
        }
        if (Modifier.isAbstract(modifiers)) {
            problems.add(type.getName() + " is abstract; pass a concrete class");
        }
        if (type.isMemberClass() && !Modifier.isStatic(modifiers)) {
            problems.add(type.getName() + " is an inner class; declare it static so it can be created without an outer instance");
        } else if (type.isAnonymousClass() || type.isLocalClass() || type.isSealed()) {
            problems.add(type.getName() + " is an anonymous, local or sealed class; declare a top-level or static nested class");
        } else {
            try {
                Constructor<?> constructor = type.getDeclaredConstructor();
                if (Modifier.isPrivate(constructor.getModifiers())) {
                    problems.add(type.getName() + " has only a private constructor without parameters; make it at least package-private");
                }
            } catch (NoSuchMethodException e) {
                problems.add(type.getName() + " has no constructor without parameters; add one (Weir creates the instance)");
            }
        }
    }

    private List<Method> annotatedMethods() {
        Map<String, Method> bySignature = new LinkedHashMap<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Method method : c.getDeclaredMethods()) {
                if (method.isBridge() || method.isSynthetic()) {
                    continue;
                }
                if (method.isAnnotationPresent(Flow.class) || method.isAnnotationPresent(Task.class)) {
                    bySignature.putIfAbsent(method.getName() + java.util.Arrays.toString(method.getParameterTypes()), method);
                }
            }
        }
        return new ArrayList<>(bySignature.values());
    }

    private boolean checkModifiers(Method method, String annotation) {
        int modifiers = method.getModifiers();
        String rule = "; Weir intercepts " + annotation + " methods through a generated subclass, so they must be"
                + " non-private, non-static and non-final instance methods";
        if (Modifier.isPrivate(modifiers)) {
            problems.add(where(method) + " is private" + rule);
        } else if (Modifier.isStatic(modifiers)) {
            problems.add(where(method) + " is static" + rule);
        } else if (Modifier.isFinal(modifiers)) {
            problems.add(where(method) + " is final" + rule);
        } else if (Modifier.isAbstract(modifiers)) {
            problems.add(where(method) + " is abstract; give it a body");
        } else {
            return true;
        }
        return false;
    }

    private FlowDefinition flow(Method method, Flow flow) {
        int before = problems.size();
        List<String> names = parameterNames(method);
        int retries = retries(method, flow.retries(), config.defaultFlowRetries());
        nonNegative(method, "retryDelaySeconds", flow.retryDelaySeconds());
        Duration timeout = timeout(method, flow.timeoutSeconds());
        NameTemplate runName = template(method, "flowRunName", flow.flowRunName(), names);
        if (flow.maxConcurrency() < 0) {
            problems.add(where(method) + " has maxConcurrency = " + flow.maxConcurrency() + "; use 0 (no bound) or more");
        }
        Hooks hooks = new Hooks(
                hooks(method, "onRunning", flow.onRunning()),
                hooks(method, "onCompletion", flow.onCompletion()),
                hooks(method, "onFailure", flow.onFailure()),
                hooks(method, "onCancellation", flow.onCancellation()),
                hooks(method, "onCrashed", flow.onCrashed()));
        if (problems.size() > before) {
            return null;
        }
        return new FlowDefinition(
                flow.name().isBlank() ? method.getName() : flow.name(),
                flow.description(),
                flow.version().isBlank() ? version : flow.version(),
                retries,
                flow.retryDelaySeconds(),
                timeout,
                runName,
                flow.logPrints(),
                flow.validateParameters(),
                flow.taskRunner(),
                flow.maxConcurrency(),
                method,
                names,
                hooks,
                new CacheSettings.FlowResults(flow.persistResult(), serializer(method, flow.resultSerializer()),
                        storage(method, flow.resultStorage())));
    }

    private TaskDefinition task(Method method, Task task) {
        int before = problems.size();
        List<String> names = parameterNames(method);
        int retries = retries(method, task.retries(), config.defaultTaskRetries());
        double[] delays = task.retryDelaySeconds();
        if (delays.length > RetryDelays.MAX_DELAYS) {
            problems.add(where(method) + " has " + delays.length + " retryDelaySeconds; at most "
                    + RetryDelays.MAX_DELAYS + " are accepted (the last one repeats)");
        }
        for (double delay : delays) {
            nonNegative(method, "retryDelaySeconds", delay);
        }
        nonNegative(method, "exponentialBackoff", task.exponentialBackoff());
        nonNegative(method, "retryJitterFactor", task.retryJitterFactor());
        if (task.exponentialBackoff() > 0 && delays.length > 0) {
            problems.add(where(method) + " sets both exponentialBackoff and retryDelaySeconds; choose one");
        }
        Duration timeout = timeout(method, task.timeoutSeconds());
        NameTemplate runName = template(method, "taskRunName", task.taskRunName(), names);
        RetryCondition condition = retryCondition(method, task.retryCondition());
        Hooks hooks = new Hooks(
                hooks(method, "onRunning", task.onRunning()),
                hooks(method, "onCompletion", task.onCompletion()),
                hooks(method, "onFailure", task.onFailure()),
                List.of(),
                List.of());
        CacheSettings cache = CacheOptions.read(task, where(method), problems, config);
        ResultSerializer serializer = serializer(method, task.resultSerializer());
        java.nio.file.Path storage = storage(method, task.resultStorage());
        if (problems.size() > before) {
            return null;
        }
        String name = task.name().isBlank() ? method.getName() : task.name();
        return new TaskDefinition(
                name,
                type.getName() + "#" + method.getName(),
                task.description(),
                List.of(task.tags()),
                task.version().isBlank() ? version : task.version(),
                retries,
                new RetryDelays(delays.clone(), task.exponentialBackoff(), task.retryJitterFactor()),
                condition,
                List.of(task.retryOn()),
                timeout,
                runName,
                task.logPrints(),
                method,
                names,
                hooks,
                cache == null ? CacheSettings.DEFAULT : new CacheSettings(cache.persistence(),
                        cache.impliesPersistence() || serializer != null || storage != null, cache.policy(),
                        cache.expiration(), cache.refresh(), cache.isolation(), serializer, storage));
    }

    private ResultSerializer serializer(Method method, String name) {
        if (name.isBlank()) {
            return null;
        }
        try {
            return ResultSerializers.named(name);
        } catch (RuntimeException e) {
            problems.add(where(method) + " names the result serializer '" + name + "': " + e.getMessage());
            return null;
        }
    }

    private java.nio.file.Path storage(Method method, String directory) {
        if (directory.isBlank()) {
            return null;
        }
        try {
            return java.nio.file.Path.of(directory);
        } catch (java.nio.file.InvalidPathException e) {
            problems.add(where(method) + " has resultStorage '" + directory + "', which is not a valid path: " + e.getMessage());
            return null;
        }
    }

    /** The definition of an ad-hoc task, checked like an annotated one. */
    static TaskDefinition adHoc(TaskOptions options, WeirConfig config, String taskKey) {
        if (options.retries() < -1) {
            throw new IllegalArgumentException("Task '" + options.name() + "' has retries = " + options.retries() + "; use 0 or more");
        }
        if (options.retryDelaySeconds().length > RetryDelays.MAX_DELAYS) {
            throw new IllegalArgumentException("Task '" + options.name() + "' has " + options.retryDelaySeconds().length
                    + " retry delays; at most " + RetryDelays.MAX_DELAYS + " are accepted");
        }
        for (double delay : options.retryDelaySeconds()) {
            if (!(delay >= 0)) {
                throw new IllegalArgumentException("Task '" + options.name() + "' has a retry delay of " + delay + "; use 0 or more seconds");
            }
        }
        if (!(options.timeoutSeconds() >= 0)) {
            throw new IllegalArgumentException("Task '" + options.name() + "' has timeoutSeconds = " + options.timeoutSeconds()
                    + "; use 0 (no timeout) or more");
        }
        return new TaskDefinition(
                options.name(),
                taskKey,
                "",
                options.tags(),
                "",
                options.retries() < 0 ? config.defaultTaskRetries() : options.retries(),
                new RetryDelays(options.retryDelaySeconds().clone(), 0, 0),
                new RetryCondition.Always(),
                List.of(),
                options.timeoutSeconds() > 0 ? seconds(options.timeoutSeconds()) : null,
                null,
                false,
                null,
                List.of(),
                Hooks.NONE,
                config.refreshCache() ? CacheSettings.DEFAULT.withRefresh() : CacheSettings.DEFAULT);
    }

    private static List<String> parameterNames(Method method) {
        List<String> names = new ArrayList<>();
        for (Parameter parameter : method.getParameters()) {
            names.add(parameter.getName());
        }
        return List.copyOf(names);
    }

    private int retries(Method method, int value, int defaultValue) {
        if (value < -1) {
            problems.add(where(method) + " has retries = " + value + "; use 0 or more (or -1 for the default)");
            return 0;
        }
        return value == -1 ? defaultValue : value;
    }

    private void nonNegative(Method method, String attribute, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            problems.add(where(method) + " has " + attribute + " = " + value + "; use a finite number of 0 or more");
        }
    }

    private Duration timeout(Method method, double seconds) {
        if (!(seconds >= 0) || Double.isInfinite(seconds)) {
            problems.add(where(method) + " has timeoutSeconds = " + seconds + "; use 0 (no timeout) or a positive number of seconds");
            return null;
        }
        return seconds == 0 ? null : seconds(seconds);
    }

    static Duration seconds(double seconds) {
        return Duration.ofNanos((long) (seconds * 1_000_000_000L));
    }

    private NameTemplate template(Method method, String attribute, String template, List<String> names) {
        if (template.isBlank()) {
            return null;
        }
        try {
            return NameTemplate.parse(template, new LinkedHashSet<>(names));
        } catch (IllegalArgumentException e) {
            problems.add(where(method) + " " + attribute + ": " + e.getMessage());
            return null;
        }
    }

    private RetryCondition retryCondition(Method method, Class<? extends RetryCondition> conditionType) {
        if (conditionType == RetryCondition.Always.class) {
            return new RetryCondition.Always();
        }
        try {
            Constructor<? extends RetryCondition> constructor = conditionType.getDeclaredConstructor();
            constructor.setAccessible(true);
            return constructor.newInstance();
        } catch (ReflectiveOperationException | RuntimeException e) {
            problems.add(where(method) + " has retryCondition " + conditionType.getName()
                    + ", which cannot be created: it needs a constructor without parameters (" + e + ")");
            return null;
        }
    }

    private List<Hook> hooks(Method method, String attribute, String[] names) {
        List<Hook> hooks = new ArrayList<>();
        for (String name : names) {
            Method hook = findHook(name);
            if (hook == null) {
                problems.add(where(method) + " " + attribute + " names '" + name + "', but " + type.getSimpleName()
                        + " has no method '" + name + "()' or '" + name + "(State)'");
            } else if (Modifier.isStatic(hook.getModifiers())) {
                problems.add(where(method) + " " + attribute + " names '" + name + "', which is static; hooks are instance methods");
            } else {
                hooks.add(new Hook(hook));
            }
        }
        return List.copyOf(hooks);
    }

    private Method findHook(String name) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Method candidate : c.getDeclaredMethods()) {
                if (!candidate.getName().equals(name) || candidate.isSynthetic()) {
                    continue;
                }
                Class<?>[] parameters = candidate.getParameterTypes();
                if (parameters.length == 0 || (parameters.length == 1 && parameters[0] == State.class)) {
                    return candidate;
                }
            }
        }
        return null;
    }

    private String where(Method method) {
        return method.getDeclaringClass().getSimpleName() + "." + method.getName() + "(...)";
    }
}
