package dev.weir.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * A fresh copy of a workload class in a class loader of its own, so that a runtime made for one
 * repetition can be collected once the repetition is over.
 *
 * <p>Why: Weir defines the intercepting subclass of an orchestrated class in that class's own class
 * loader, and the subclass holds its runtime in a static field. A class in the application class
 * loader is never unloaded, so every runtime that orchestrated it stays reachable, together with
 * everything its in-memory orchestrator recorded (see the engine issue in {@code README.md}). A
 * copy in a throw-away loader is unloaded with its subclass, runtime and orchestrator.
 *
 * <p>Only the named class is defined again; every other class, the interface it is used through
 * included, comes from the parent, so the copy must be used through a public interface.
 */
final class Isolated {

    private Isolated() {}

    /** A new copy of {@code type}, cast to {@code view}, an interface {@code type} implements. */
    static <T> Class<? extends T> copyOf(Class<?> type, Class<T> view) {
        return new CopyingLoader(type).copy().asSubclass(view);
    }

    private static final class CopyingLoader extends ClassLoader {
        private final Class<?> original;

        CopyingLoader(Class<?> original) {
            super("isolated-" + original.getSimpleName(), original.getClassLoader());
            this.original = original;
        }

        Class<?> copy() {
            try {
                return loadClass(original.getName());
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.equals(original.getName())) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> loaded = findLoadedClass(name);
                if (loaded == null) {
                    String resource = name.replace('.', '/') + ".class";
                    try (InputStream in = getParent().getResourceAsStream(resource)) {
                        if (in == null) {
                            throw new ClassNotFoundException(name);
                        }
                        byte[] bytes = in.readAllBytes();
                        loaded = defineClass(name, bytes, 0, bytes.length);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
                return loaded;
            }
        }
    }
}
