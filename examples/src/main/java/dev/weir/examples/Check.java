package dev.weir.examples;

/** The assertion the examples make about their own outcome; a failed one makes {@code bin/examples} exit non-zero. */
final class Check {

    private Check() {}

    /** Throws {@link AssertionError} with {@code message} unless {@code condition} holds. */
    static void that(boolean condition, String message) {
        if (!condition) {
            throw new AssertionError(message);
        }
    }
}
