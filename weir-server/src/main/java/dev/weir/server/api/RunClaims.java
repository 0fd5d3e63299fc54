package dev.weir.server.api;

import dev.weir.server.store.FlowRunRecord;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/**
 * The long poll of the routes that claim due runs (a worker's pool, a serving process's deployments):
 * claims at once, and when nothing was due holds the request, claiming again after each write on this
 * server and at least every {@value #RECHECK_MILLIS} ms (for runs that become due by the clock or
 * were written by another server), until something is claimed or the wait is over.
 */
final class RunClaims {

    /** The longest a claim may be held waiting for a due run. */
    static final int MAX_WAIT_SECONDS = 30;
    /** How often a held claim looks again, for runs that become due by the clock rather than by a write. */
    private static final long RECHECK_MILLIS = 250;

    private RunClaims() {}

    /** Answers with what {@code claim} returns, claiming again for up to {@code waitSeconds} while it is empty. */
    static void answer(Context ctx, Changes changes, int waitSeconds, Supplier<List<FlowRunRecord>> claim)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(waitSeconds).toNanos();
        while (true) {
            long seen = changes.version();
            List<FlowRunRecord> claimed = claim.get();
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (!claimed.isEmpty() || left <= 0) {
                ctx.json(claimed.stream().map(FlowRunViews::of).toList());
                return;
            }
            changes.awaitAfter(seen, Math.min(left, RECHECK_MILLIS));
        }
    }
}
