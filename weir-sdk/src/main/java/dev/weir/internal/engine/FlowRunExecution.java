package dev.weir.internal.engine;

import com.fasterxml.jackson.databind.JavaType;
import dev.weir.FlowRunException;
import dev.weir.core.Json;
import dev.weir.core.WeirException;
import dev.weir.orchestrator.Orchestrator;
import dev.weir.run.FlowRun;
import dev.weir.state.State;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.Map;
import java.util.UUID;

/**
 * Executes a flow run that already exists, as a worker's child process does: resolves the entry
 * point, converts the stored JSON parameters to the method's Java types, and calls the flow on that
 * run. A parameter that cannot be converted fails the run with a message naming it, before the body runs.
 */
final class FlowRunExecution {

    private FlowRunExecution() {}

    static State run(RuntimeImpl runtime, UUID flowRunId, String entrypoint) {
        return run(runtime, flowRunId, flowMethod(runtime, entrypoint));
    }

    /** As {@link #run(RuntimeImpl, UUID, String)}, with the {@code @Flow} method already resolved. */
    static State run(RuntimeImpl runtime, UUID flowRunId, Method method) {
        FlowRun run = runtime.orchestrator().flowRun(flowRunId)
                .orElseThrow(() -> new WeirException("No flow run with id " + flowRunId));
        return run(runtime, run, method);
    }

    /** As {@link #run(RuntimeImpl, UUID, Method)}, with the run as just read from the orchestrator. */
    static State run(RuntimeImpl runtime, FlowRun run, Method method) {
        UUID flowRunId = run.id();
        String entrypoint = method.getDeclaringClass().getName() + "#" + method.getName();
        Orchestrator orchestrator = runtime.orchestrator();
        Object[] args;
        try {
            args = arguments(method, run.parameters());
        } catch (WeirException e) {
            State invalid = State.failed(runtime.clock().instant(), e.getMessage());
            orchestrator.setFlowRunState(flowRunId, invalid.withDetails(invalid.details().notRetriable()));
            orchestrator.flush();
            throw e;
        }
        Object instance = runtime.flows(method.getDeclaringClass());
        method.setAccessible(true);
        try {
            FlowEngine.executing(run, () -> method.invoke(instance, args));
        } catch (InvocationTargetException e) {
            if (!(e.getCause() instanceof FlowRunException)) {
                throw new WeirException("The flow of " + entrypoint + " failed outside its run: " + e.getCause(), e.getCause());
            }
        } catch (Exception e) {
            throw new WeirException("Cannot call " + entrypoint + ": " + e, e);
        }
        orchestrator.flush();
        return orchestrator.flowRun(flowRunId).map(FlowRun::state).orElseThrow();
    }

    /** The {@code @Flow} method that {@code com.acme.Etl#run} names (by method or flow name). */
    static Method flowMethod(RuntimeImpl runtime, String entrypoint) {
        int hash = entrypoint.indexOf('#');
        if (hash <= 0 || hash == entrypoint.length() - 1) {
            throw new WeirException("entrypoint '" + entrypoint + "' must be <class>#<flow method>, such as com.acme.Etl#run");
        }
        String className = entrypoint.substring(0, hash);
        String flowName = entrypoint.substring(hash + 1);
        Class<?> type;
        try {
            type = Class.forName(className, true, Thread.currentThread().getContextClassLoader());
        } catch (ClassNotFoundException e) {
            throw new WeirException("entrypoint '" + entrypoint + "': no class " + className + " on the class path");
        }
        return flowMethod(runtime, type, flowName, "entrypoint '" + entrypoint + "': ");
    }

    /** The {@code @Flow} method of {@code type} named {@code flowName} (by method or flow name). */
    static Method flowMethod(RuntimeImpl runtime, Class<?> type, String flowName, String context) {
        return runtime.definitionOf(type).flows().entrySet().stream()
                .filter(entry -> entry.getKey().getName().equals(flowName) || entry.getValue().name().equals(flowName))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElseThrow(() -> new WeirException(context + type.getName()
                        + " has no @Flow method or flow named '" + flowName + "'"));
    }

    static Object[] arguments(Method method, Map<String, Object> parameters) {
        Parameter[] declared = method.getParameters();
        Object[] args = new Object[declared.length];
        for (int i = 0; i < declared.length; i++) {
            String name = declared[i].getName();
            Object value = parameters.get(name);
            JavaType type = Json.mapper().constructType(declared[i].getParameterizedType());
            if (value == null) {
                if (type.isPrimitive()) {
                    throw new WeirException("Parameter '" + name + "' is missing; it is a " + type.getRawClass().getName()
                            + " and needs a value");
                }
                continue;
            }
            try {
                args[i] = Json.mapper().convertValue(value, type);
            } catch (IllegalArgumentException e) {
                throw new WeirException("Parameter '" + name + "' has the value " + abbreviate(value)
                        + ", which is not a " + type.toCanonical() + ": " + e.getMessage().lines().findFirst().orElse(""));
            }
        }
        return args;
    }

    private static String abbreviate(Object value) {
        String text = String.valueOf(value);
        return text.length() <= 200 ? "'" + text + "'" : "'" + text.substring(0, 200) + "...'";
    }
}
