package dev.weir.result;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.type.TypeFactory;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Chooses the Java type written in a json envelope: the runtime class, specialised with the declared
 * type's generic arguments where the declared type has them.
 *
 * <p>Declared {@code List<Row>} and a runtime {@code ArrayList} give {@code ArrayList<Row>}; declared
 * {@code Object} and a runtime {@code Circle} give {@code Circle}. JDK-internal runtime classes such as
 * the one behind {@code List.of(...)} are widened to their public interface ({@code List}, {@code Set},
 * {@code Map}), which Jackson reads back as {@code ArrayList}, {@code HashSet} and {@code
 * LinkedHashMap}.
 */
final class EnvelopeTypes {

    private static final List<Class<?>> WIDENINGS = List.of(List.class, Set.class, Map.class, Collection.class);

    private EnvelopeTypes() {}

    static JavaType choose(TypeFactory types, Type declared, Object value) {
        JavaType declaredType = declared == null ? null : types.constructType(declared);
        if (value == null) {
            return declaredType == null || declaredType.isPrimitive()
                    ? types.constructType(Object.class)
                    : declaredType;
        }
        Class<?> concrete = concreteClass(value);
        if (declaredType == null
                || declaredType.isPrimitive()
                || !declaredType.getRawClass().isAssignableFrom(concrete)) {
            return types.constructType(concrete);
        }
        try {
            return types.constructSpecializedType(declaredType, concrete);
        } catch (IllegalArgumentException e) {
            return types.constructType(concrete);
        }
    }

    private static Class<?> concreteClass(Object value) {
        if (value instanceof Enum<?> constant) {
            return constant.getDeclaringClass();
        }
        Class<?> runtime = value.getClass();
        boolean jdkInternal = runtime.getPackageName().startsWith("java.")
                && !Modifier.isPublic(runtime.getModifiers());
        if (!jdkInternal) {
            return runtime;
        }
        for (Class<?> widening : WIDENINGS) {
            if (widening.isAssignableFrom(runtime)) {
                return widening;
            }
        }
        return runtime;
    }
}
