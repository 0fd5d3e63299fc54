package dev.weir.internal.engine;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.Callable;
import net.bytebuddy.implementation.bind.annotation.AllArguments;
import net.bytebuddy.implementation.bind.annotation.Origin;
import net.bytebuddy.implementation.bind.annotation.RuntimeType;
import net.bytebuddy.implementation.bind.annotation.SuperCall;
import net.bytebuddy.implementation.bind.annotation.This;

/**
 * Where the generated subclass sends every call of a {@code @Flow} or {@code @Task} method. Public
 * only because generated classes in the user's package must reach it.
 */
public final class Interceptor {

    /** The method whose next call on this thread is the body of a task run already under way. */
    private static final ThreadLocal<Method> PASS_THROUGH = new ThreadLocal<>();

    private final RuntimeImpl runtime;
    private final ClassDefinition definition;
    private final Map<Method, FlowDefinition> flows;
    private final Map<Method, TaskDefinition> tasks;

    Interceptor(RuntimeImpl runtime, ClassDefinition definition) {
        this.runtime = runtime;
        this.definition = definition;
        this.flows = definition.flows();
        this.tasks = definition.tasks();
    }

    ClassDefinition definition() {
        return definition;
    }

    /** Runs {@code body}, letting its first call of {@code method} through as the plain method. */
    static Object passingThrough(Method method, Callable<?> body) throws Exception {
        Method previous = PASS_THROUGH.get();
        PASS_THROUGH.set(method);
        try {
            return body.call();
        } finally {
            PASS_THROUGH.set(previous);
        }
    }

    @RuntimeType
    public Object intercept(@This Object self, @Origin Method method, @AllArguments Object[] args,
            @SuperCall Callable<?> original) throws Exception {
        Method passing = PASS_THROUGH.get();
        if (passing != null && passing.equals(method)) {
            PASS_THROUGH.remove();
            return original.call();
        }
        TaskDefinition task = tasks.get(method);
        if (task != null) {
            return runtime.tasks().call(task, self, args, original);
        }
        return runtime.flows().call(flows.get(method), self, args, original);
    }
}
