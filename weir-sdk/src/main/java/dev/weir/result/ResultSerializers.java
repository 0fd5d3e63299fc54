package dev.weir.result;

import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;

/**
 * Finds result serializers by name: the built-ins {@code json} (the default), {@code compressed/json},
 * {@code java} and {@code compressed/java}, and custom ones registered through {@link ServiceLoader}
 * (also available compressed as {@code compressed/<name>}).
 */
public final class ResultSerializers {

    private static final ResultSerializer JSON = new JsonResultSerializer();
    private static final ResultSerializer COMPRESSED_JSON = new CompressedSerializer(JSON);
    private static final ResultSerializer JAVA = new JavaResultSerializer();
    private static final ResultSerializer COMPRESSED_JAVA = new CompressedSerializer(JAVA);
    private static final Set<String> BUILT_INS = Set.of("json", "compressed/json", "java", "compressed/java");

    private ResultSerializers() {}

    /** The default serializer, {@code json}. */
    public static ResultSerializer json() {
        return JSON;
    }

    /**
     * The serializer with the given name; built-ins win over custom serializers of the same name.
     *
     * @throws ResultSerializationException if no serializer has that name; the message lists the names
     *     accepted
     */
    public static ResultSerializer named(String name) {
        Objects.requireNonNull(name, "name");
        return switch (name) {
            case "json" -> JSON;
            case "compressed/json" -> COMPRESSED_JSON;
            case "java" -> JAVA;
            case "compressed/java" -> COMPRESSED_JAVA;
            default -> {
                if (name.startsWith(CompressedSerializer.PREFIX)) {
                    String inner = name.substring(CompressedSerializer.PREFIX.length());
                    yield new CompressedSerializer(custom(inner, name));
                }
                yield custom(name, name);
            }
        };
    }

    /** The names {@link #named(String)} accepts, built-ins first, without the compressed variants of custom ones. */
    public static Set<String> names() {
        Set<String> names = new LinkedHashSet<>(BUILT_INS.size() * 2);
        names.add("json");
        names.add("compressed/json");
        names.add("java");
        names.add("compressed/java");
        for (ResultSerializer serializer : loader()) {
            names.add(serializer.name());
        }
        return names;
    }

    private static ResultSerializer custom(String name, String asked) {
        try {
            for (ResultSerializer serializer : loader()) {
                if (serializer.name().equals(name)) {
                    return serializer;
                }
            }
        } catch (ServiceConfigurationError e) {
            throw new ResultSerializationException(
                    "Cannot load the custom result serializers listed in META-INF/services/"
                            + ResultSerializer.class.getName() + ": " + e.getMessage(),
                    e);
        }
        throw new ResultSerializationException(
                "Unknown result serializer '" + asked + "'; accepted names: " + String.join(", ", names())
                        + ", and compressed/<name> for any of them. A custom serializer is a public class"
                        + " implementing " + ResultSerializer.class.getName()
                        + " listed in META-INF/services/" + ResultSerializer.class.getName() + ".");
    }

    private static ServiceLoader<ResultSerializer> loader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return ServiceLoader.load(
                ResultSerializer.class, context != null ? context : ResultSerializers.class.getClassLoader());
    }
}
