package dev.weir.internal.engine;

import dev.weir.FlowDefinitionException;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.description.modifier.Visibility;
import net.bytebuddy.dynamic.loading.ClassLoadingStrategy;
import net.bytebuddy.dynamic.scaffold.subclass.ConstructorStrategy;
import net.bytebuddy.implementation.MethodDelegation;
import net.bytebuddy.matcher.ElementMatchers;

/**
 * Generates the subclass that intercepts a class's flows and tasks. It is defined in the class's own
 * package and class loader (through a private lookup), so package-private classes and methods work
 * and calls from one method of the class to another are intercepted too.
 *
 * <p>One subclass per user class, shared by every runtime: each instance holds its runtime's
 * {@link Interceptor} in a field, so a closed runtime is not kept alive by a generated class (which
 * lives as long as the user's class loader).
 */
final class Proxies {

    static final String FIELD = "weir$interceptor";

    private static final ClassValue<Class<?>> SUBCLASSES = new ClassValue<>() {
        @Override
        protected Class<?> computeValue(Class<?> type) {
            // ClassValue may compute one class's value on two threads at once; a second definition of the
            // subclass would fail, so threads take turns and the later one finds the earlier one's class.
            synchronized (Proxies.class) {
                try {
                    return Class.forName(type.getName() + "$Weir", false, type.getClassLoader());
                } catch (ClassNotFoundException notYet) {
                    return generate(type);
                }
            }
        }
    };

    private Proxies() {}

    /** A new instance of the class's subclass, bound to {@code interceptor}. */
    static Object instantiate(ClassDefinition definition, Interceptor interceptor) throws ReflectiveOperationException {
        Class<?> subclass = SUBCLASSES.get(definition.type());
        java.lang.reflect.Constructor<?> constructor = subclass.getDeclaredConstructor();
        constructor.setAccessible(true);
        Object instance = constructor.newInstance();
        Field field = subclass.getDeclaredField(FIELD);
        field.setAccessible(true);
        field.set(instance, interceptor);
        return instance;
    }

    private static Class<?> generate(Class<?> type) {
        List<Method> methods = new ArrayList<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Method method : c.getDeclaredMethods()) {
                if (!method.isBridge() && !method.isSynthetic()
                        && (method.isAnnotationPresent(dev.weir.Flow.class) || method.isAnnotationPresent(dev.weir.Task.class))) {
                    methods.add(method);
                }
            }
        }
        MethodHandles.Lookup lookup;
        try {
            lookup = MethodHandles.privateLookupIn(type, MethodHandles.lookup());
        } catch (IllegalAccessException e) {
            throw new FlowDefinitionException("Cannot orchestrate " + type.getName() + ": its module does not open package "
                    + type.getPackageName() + " to Weir; add 'opens " + type.getPackageName() + "' to module-info.java", e);
        }
        return new ByteBuddy()
                .subclass(type, ConstructorStrategy.Default.IMITATE_SUPER_CLASS_OPENING)
                .name(type.getName() + "$Weir")
                .defineField(FIELD, Interceptor.class, Visibility.PRIVATE)
                .method(ElementMatchers.anyOf(methods.toArray(Method[]::new)))
                .intercept(MethodDelegation.toField(FIELD))
                .make()
                .load(type.getClassLoader(), ClassLoadingStrategy.UsingLookup.of(lookup))
                .getLoaded();
    }
}
