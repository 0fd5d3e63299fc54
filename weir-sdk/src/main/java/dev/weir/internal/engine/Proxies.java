package dev.weir.internal.engine;

import dev.weir.FlowDefinitionException;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.dynamic.loading.ClassLoadingStrategy;
import net.bytebuddy.dynamic.scaffold.subclass.ConstructorStrategy;
import net.bytebuddy.implementation.MethodDelegation;
import net.bytebuddy.matcher.ElementMatchers;

/**
 * Generates the subclass that intercepts a class's flows and tasks. It is defined in the class's own
 * package and class loader (through a private lookup), so package-private classes and methods work
 * and calls from one method of the class to another are intercepted too.
 */
final class Proxies {

    private static final AtomicLong SEQUENCE = new AtomicLong();

    private Proxies() {}

    static Class<?> subclass(ClassDefinition definition, Interceptor interceptor) {
        Class<?> type = definition.type();
        List<Method> methods = new ArrayList<>(definition.flows().keySet());
        methods.addAll(definition.tasks().keySet());
        MethodHandles.Lookup lookup;
        try {
            lookup = MethodHandles.privateLookupIn(type, MethodHandles.lookup());
        } catch (IllegalAccessException e) {
            throw new FlowDefinitionException("Cannot orchestrate " + type.getName() + ": its module does not open package "
                    + type.getPackageName() + " to Weir; add 'opens " + type.getPackageName() + "' to module-info.java", e);
        }
        return new ByteBuddy()
                .subclass(type, ConstructorStrategy.Default.IMITATE_SUPER_CLASS_OPENING)
                .name(type.getName() + "$Weir$" + SEQUENCE.incrementAndGet())
                .method(ElementMatchers.anyOf(methods.toArray(Method[]::new)))
                .intercept(MethodDelegation.to(interceptor))
                .make()
                .load(type.getClassLoader(), ClassLoadingStrategy.UsingLookup.of(lookup))
                .getLoaded();
    }
}
