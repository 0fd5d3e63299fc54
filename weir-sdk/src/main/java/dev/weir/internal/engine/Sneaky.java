package dev.weir.internal.engine;

/** Rethrows any exception unchanged, checked ones included, as the task body threw it. */
final class Sneaky {

    private Sneaky() {}

    // The cast only satisfies the compiler; generics are erased, so the original throwable is thrown.
    @SuppressWarnings("unchecked")
    static <T extends Throwable> T rethrow(Throwable failure) throws T {
        throw (T) failure;
    }
}
