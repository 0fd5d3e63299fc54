package dev.weir.internal.engine;

import java.io.Serializable;
import java.lang.invoke.MethodType;
import java.lang.invoke.SerializedLambda;
import java.lang.reflect.Method;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Finds the method a serializable lambda or method reference calls, such as {@code Etl.fetch} for
 * {@code this::fetch}, through its {@link SerializedLambda}. The answer is kept per lambda class
 * (one per call site), so the reflection is paid once per call site, not per call.
 */
final class LambdaMethods {

    /** The method a lambda calls: its declaring class's method and whether it is a method reference. */
    record Target(Method method, boolean isLambdaBody, String enclosingName) {}

    private static final ClassValue<AtomicReference<Optional<Target>>> CACHE = new ClassValue<>() {
        @Override
        protected AtomicReference<Optional<Target>> computeValue(Class<?> type) {
            return new AtomicReference<>();
        }
    };

    private LambdaMethods() {}

    static Optional<Target> target(Serializable lambda) {
        AtomicReference<Optional<Target>> slot = CACHE.get(lambda.getClass());
        Optional<Target> target = slot.get();
        if (target == null) {
            target = serialized(lambda).flatMap(form -> resolve(lambda.getClass().getClassLoader(), form));
            slot.set(target);
        }
        return target;
    }

    /** The object a method reference such as {@code this::fetch} was bound to, if any. */
    static Optional<Object> receiver(Serializable lambda) {
        return serialized(lambda).filter(form -> form.getCapturedArgCount() > 0).map(form -> form.getCapturedArg(0));
    }

    private static Optional<SerializedLambda> serialized(Serializable lambda) {
        try {
            Method writeReplace = lambda.getClass().getDeclaredMethod("writeReplace");
            writeReplace.setAccessible(true);
            return writeReplace.invoke(lambda) instanceof SerializedLambda form ? Optional.of(form) : Optional.empty();
        } catch (ReflectiveOperationException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<Target> resolve(ClassLoader loader, SerializedLambda form) {
        try {
            Class<?> owner = Class.forName(form.getImplClass().replace('/', '.'), false, loader);
            String name = form.getImplMethodName();
            for (Class<?> c = owner; c != null; c = c.getSuperclass()) {
                for (Method method : c.getDeclaredMethods()) {
                    if (method.getName().equals(name)
                            && MethodType.methodType(method.getReturnType(), method.getParameterTypes())
                                    .toMethodDescriptorString()
                                    .equals(form.getImplMethodSignature())) {
                        boolean lambdaBody = name.startsWith("lambda$");
                        String enclosing = lambdaBody ? name.substring(7, Math.max(7, name.lastIndexOf('$'))) : name;
                        return Optional.of(new Target(method, lambdaBody, enclosing));
                    }
                }
            }
            return Optional.empty();
        } catch (ClassNotFoundException | LinkageError e) {
            return Optional.empty();
        }
    }
}
