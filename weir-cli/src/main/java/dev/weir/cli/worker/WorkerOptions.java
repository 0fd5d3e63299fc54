package dev.weir.cli.worker;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How a worker runs.
 *
 * @param queues the pool's queues to take runs from; empty for all
 * @param limit at most this many child processes at once
 * @param poll how long one claim request may wait for a due run (at most 30 s)
 * @param heartbeat how often the worker tells the server it is alive
 * @param cancelGrace how long the processes of a cancelled run have after SIGTERM before they are killed
 * @param records the folder where the pool's workers on this machine record the children they started,
 *     so that a later worker can stop those left behind
 * @param prefetch how far ahead of their scheduled time runs are claimed, so that their JVM has started
 *     when they are due (the flow then waits for its time, as the server's rules say)
 */
public record WorkerOptions(String pool, List<String> queues, int limit, String name, Duration poll, Duration heartbeat,
        Duration cancelGrace, Path records, Duration prefetch) {

    /** How far ahead runs are claimed unless told otherwise, as Prefect's workers do. */
    public static final Duration DEFAULT_PREFETCH = Duration.ofSeconds(10);

    /** The grace period of cancelled runs unless told otherwise, as Prefect's. */
    public static final Duration DEFAULT_CANCEL_GRACE = Duration.ofSeconds(30);

    public WorkerOptions {
        Objects.requireNonNull(pool, "pool");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(records, "records");
        queues = List.copyOf(queues);
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be 1 or more, got " + limit);
        }
        if (prefetch.isNegative()) {
            throw new IllegalArgumentException("prefetch must be 0 or more, got " + prefetch);
        }
        if (cancelGrace.isNegative()) {
            throw new IllegalArgumentException("cancelGrace must be 0 or more, got " + cancelGrace);
        }
    }
}
