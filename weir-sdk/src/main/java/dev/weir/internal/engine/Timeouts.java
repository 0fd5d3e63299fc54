package dev.weir.internal.engine;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs a body with a time limit. The body runs on a virtual thread of its own (with the caller's
 * frame); at the limit that thread is interrupted and the caller gets a {@link TimeoutException} at
 * once, so a body that ignores interruption runs on unobserved instead of hanging its run.
 */
final class Timeouts {

    private Timeouts() {}

    static Object call(Callable<?> body, Duration limit, Frame frame) throws Exception {
        CompletableFuture<Object> result = new CompletableFuture<>();
        Thread thread = Thread.ofVirtual().name("weir-timed").start(() -> {
            Frame previous = Frames.enter(frame);
            try {
                result.complete(body.call());
            } catch (Throwable failure) {
                result.completeExceptionally(failure);
            } finally {
                Frames.exit(previous);
            }
        });
        try {
            return result.get(limit.toNanos(), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            throw Sneaky.<Exception>rethrow(e.getCause());
        } catch (TimeoutException | InterruptedException e) {
            thread.interrupt();
            throw e;
        }
    }
}
