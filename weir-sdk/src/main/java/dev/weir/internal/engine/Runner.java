package dev.weir.internal.engine;

import dev.weir.TaskRunner;

/** Executes a flow run's submitted task runs. Thread-safe. */
interface Runner extends AutoCloseable {

    /** Runs {@code job} now or later; never blocks longer than a bound on concurrency requires. */
    void submit(Runnable job);

    /** Stops accepting jobs; those submitted still run. */
    @Override
    void close();

    static Runner create(TaskRunner kind, int maxConcurrency) {
        return switch (kind) {
            case CONCURRENT -> new ConcurrentRunner(maxConcurrency);
            case SEQUENTIAL -> new SequentialRunner();
        };
    }
}
