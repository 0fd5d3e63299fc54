package dev.weir.cache;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Hashes a task method's bytecode, so a cache key that includes it changes when the method's code does.
 *
 * <p>Weir reads the declaring class's {@code .class} resource and hashes the method's instructions with
 * constant-pool references resolved to the constants they name (see {@link BytecodeHasher}), plus the
 * bodies of the lambdas javac compiled out of it ({@code lambda$<name>$<n>}). Hashing the method
 * rather than the whole class file means editing one task does not invalidate its neighbours' caches,
 * and leaving out line numbers means moving or reformatting a method does not either; the price is a
 * small class-file parser ({@link ClassFile}). Methods the task calls are not included, as in Prefect.
 * Hashes are computed once per class and held in a {@link ClassValue}, so classes can still unload.
 * Thread safe.
 */
public final class TaskSource {

    private static final ClassValue<Map<String, String>> HASHES = new ClassValue<>() {
        @Override
        protected Map<String, String> computeValue(Class<?> type) {
            return hashMethods(type);
        }
    };

    private TaskSource() {}

    /**
     * The SHA-256 hex of the method's bytecode, or empty when the class file cannot be read (a
     * generated or hidden class) or the method has no body (abstract or native).
     */
    public static Optional<String> of(Method method) {
        Class<?> type = method.getDeclaringClass();
        String descriptor = Stream.of(method.getParameterTypes())
                .map(Class::descriptorString)
                .collect(Collectors.joining("", "(", ")")) + method.getReturnType().descriptorString();
        return Optional.ofNullable(HASHES.get(type).get(method.getName() + descriptor));
    }

    private static Map<String, String> hashMethods(Class<?> type) {
        String resource = "/" + type.getName().replace('.', '/') + ".class";
        ClassFile file;
        try (InputStream in = type.getResourceAsStream(resource)) {
            if (in == null) {
                return Map.of();
            }
            file = ClassFile.parse(in.readAllBytes());
        } catch (IOException | RuntimeException e) {
            return Map.of();
        }
        Map<String, String> hashes = new HashMap<>();
        for (ClassFile.MethodInfo method : file.methods()) {
            var digest = Sha256.digest();
            BytecodeHasher hasher = new BytecodeHasher(file, digest);
            hasher.feed(method);
            String lambdaPrefix = "lambda$" + method.name() + "$";
            file.methods().stream()
                    .filter(other -> other.name().startsWith(lambdaPrefix))
                    .sorted(Comparator.comparing(ClassFile.MethodInfo::name))
                    .forEach(hasher::feed);
            hashes.put(method.name() + method.descriptor(), Sha256.hex(digest));
        }
        return Map.copyOf(hashes);
    }
}
