package dev.weir.result;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.type.TypeFactory;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;

/**
 * Decides which type names read from a json envelope may be instantiated: plain data only.
 *
 * <p>Allowed: primitives and their boxes, {@code String}, {@code BigInteger}, {@code BigDecimal},
 * {@code UUID}, {@code URI}, the {@code Optional} family, public {@code java.time} types, public
 * collections and maps of {@code java.util} and {@code java.util.concurrent}, arrays of allowed types,
 * records, enums, and concrete application classes (beans) that are not resources ({@code
 * AutoCloseable}), threads or class loaders. Every other JDK class is refused. Jackson itself refuses
 * its list of known deserialization gadgets for every bean it builds. Each name is loaded through the
 * context class loader without initialising it, so a refused class never runs its static initialiser.
 */
final class PlainDataTypes {

    private static final Set<Class<?>> JDK_VALUES = Set.of(
            Object.class, String.class, Boolean.class, Character.class, Byte.class, Short.class,
            Integer.class, Long.class, Float.class, Double.class, Number.class, Void.class,
            BigInteger.class, BigDecimal.class, UUID.class, URI.class,
            Optional.class, OptionalInt.class, OptionalLong.class, OptionalDouble.class);

    private PlainDataTypes() {}

    /**
     * Resolves a canonical type string after checking every class it names.
     *
     * @throws ResultSerializationException if a class is missing or not plain data
     */
    static JavaType resolve(TypeFactory types, String canonical) {
        for (String name : canonical.split("[<>,]")) {
            String trimmed = name.trim();
            if (!trimmed.isEmpty()) {
                check(load(trimmed, canonical));
            }
        }
        try {
            return types.constructFromCanonical(canonical);
        } catch (IllegalArgumentException e) {
            throw new ResultSerializationException(
                    "Cannot resolve the result type '" + canonical + "': " + e.getMessage(), e);
        }
    }

    static boolean isPlainData(Class<?> type) {
        if (type.isArray()) {
            return isPlainData(type.getComponentType());
        }
        if (type.isPrimitive() || JDK_VALUES.contains(type)) {
            return true;
        }
        boolean isPublic = Modifier.isPublic(type.getModifiers());
        String pkg = type.getPackageName();
        if (pkg.equals("java.time") || pkg.startsWith("java.time.")) {
            return isPublic;
        }
        if (pkg.equals("java.util") || pkg.equals("java.util.concurrent")) {
            return isPublic && (Collection.class.isAssignableFrom(type) || Map.class.isAssignableFrom(type));
        }
        ClassLoader loader = type.getClassLoader();
        if (loader == null || loader == ClassLoader.getPlatformClassLoader()) {
            return false;
        }
        if (type.isRecord() || type.isEnum()) {
            return true;
        }
        boolean concrete = !type.isInterface() && !Modifier.isAbstract(type.getModifiers());
        return concrete
                && !AutoCloseable.class.isAssignableFrom(type)
                && !Thread.class.isAssignableFrom(type)
                && !ClassLoader.class.isAssignableFrom(type);
    }

    private static void check(Class<?> type) {
        if (!isPlainData(type)) {
            throw new ResultSerializationException(
                    "Refusing to deserialize a result of type " + type.getName()
                            + ": the json serializer only instantiates plain data (records, enums, beans,"
                            + " collections, maps, java.time, primitives, strings, byte arrays)");
        }
    }

    private static Class<?> load(String name, String canonical) {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        ClassLoader loader = context != null ? context : PlainDataTypes.class.getClassLoader();
        try {
            return Class.forName(name, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new ResultSerializationException(
                    "Cannot read a result of type '" + canonical + "': class " + name
                            + " is not on the class path of the context class loader",
                    e);
        }
    }
}
