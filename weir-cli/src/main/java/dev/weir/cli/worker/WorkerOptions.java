package dev.weir.cli.worker;

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
 */
public record WorkerOptions(String pool, List<String> queues, int limit, String name, Duration poll, Duration heartbeat) {

    public WorkerOptions {
        Objects.requireNonNull(pool, "pool");
        Objects.requireNonNull(name, "name");
        queues = List.copyOf(queues);
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be 1 or more, got " + limit);
        }
    }
}
