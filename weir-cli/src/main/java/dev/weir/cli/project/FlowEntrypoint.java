package dev.weir.cli.project;

import dev.weir.Flow;
import dev.weir.core.Json;
import dev.weir.schema.ParameterSchema;
import java.io.IOException;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A deployment's flow method, loaded from the bundle's classpath: the flow's name and the JSON Schema
 * of its parameters.
 *
 * @param flowName the {@link Flow#name()}, or the method's name when the annotation has none
 * @param parameterSchema what {@link ParameterSchema#of(Method)} says of the method
 * @param retries the flow's {@link Flow#retries()}, or null when it leaves them to the default
 * @param retryDelaySeconds the flow's {@link Flow#retryDelaySeconds()}
 */
public record FlowEntrypoint(String flowName, Map<String, Object> parameterSchema, Integer retries, double retryDelaySeconds) {

    /**
     * Loads {@code className} from {@code roots} (classes this CLI has, such as Weir's own, come from
     * the CLI) and describes its method {@code methodName}.
     *
     * @throws ProjectFileException if the class or method is not found, or the method is ambiguous
     */
    public static FlowEntrypoint load(List<Path> roots, String className, String methodName) {
        URL[] urls = roots.stream().map(FlowEntrypoint::url).toArray(URL[]::new);
        String entrypoint = className + "#" + methodName;
        try (URLClassLoader loader = new URLClassLoader("weir-bundle", urls, FlowEntrypoint.class.getClassLoader())) {
            Class<?> type;
            try {
                type = Class.forName(className, false, loader);
            } catch (ClassNotFoundException | LinkageError e) {
                throw new ProjectFileException("entrypoint " + entrypoint + ": class " + className
                        + (e instanceof LinkageError ? " cannot be loaded (" + e + ")" : " is not in the classpath " + roots)
                        + "; build the project so that the class is in the classpath's jars or folders, or fix the"
                        + " class name or the classpath");
            }
            List<Method> methods = new java.util.ArrayList<>();
            for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
                Arrays.stream(c.getDeclaredMethods())
                        .filter(m -> m.getName().equals(methodName) && !m.isSynthetic()
                                && !java.lang.reflect.Modifier.isPrivate(m.getModifiers()))
                        .filter(m -> methods.stream().noneMatch(known -> Arrays.equals(known.getParameterTypes(), m.getParameterTypes())))
                        .forEach(methods::add);
            }
            List<Method> flows = methods.stream().filter(m -> m.isAnnotationPresent(Flow.class)).toList();
            List<Method> candidates = flows.isEmpty() ? methods : flows;
            if (candidates.isEmpty()) {
                throw new ProjectFileException("entrypoint " + entrypoint + ": " + className + " has no non-private method "
                        + methodName + "; name the class's @Flow method after '#'");
            }
            if (candidates.size() > 1) {
                throw new ProjectFileException("entrypoint " + entrypoint + " is ambiguous: " + candidates.size()
                        + " methods of that name; mark one with @Flow");
            }
            Method method = candidates.get(0);
            Flow flow = method.getAnnotation(Flow.class);
            String flowName = flow == null || flow.name().isBlank() ? method.getName() : flow.name();
            @SuppressWarnings("unchecked") // A JSON object converts to a map of String keys.
            Map<String, Object> schema = Json.mapper().convertValue(ParameterSchema.of(method), Map.class);
            Integer retries = flow == null || flow.retries() < 0 ? null : flow.retries();
            return new FlowEntrypoint(flowName, schema, retries, flow == null ? 0 : flow.retryDelaySeconds());
        } catch (IOException e) {
            throw new ProjectFileException("entrypoint " + entrypoint + ": cannot read the classpath: " + e.getMessage(), e);
        }
    }

    private static URL url(Path path) {
        try {
            return path.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
