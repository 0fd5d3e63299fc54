package dev.weir.cli;

import dev.weir.cli.http.ApiConnection;
import dev.weir.cli.worker.WorkerLoop;
import dev.weir.cli.worker.WorkerOptions;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code weir worker}: runs a process worker for a work pool. */
@Command(name = "worker", description = "Runs workers that execute the flow runs of a work pool.")
final class WorkerCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    private final Session session;

    WorkerCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        return Groups.missing(spec);
    }

    @Command(name = "start", description = "Polls the pool and runs each claimed flow run in a child JVM, until stopped.")
    int start(
            @Option(names = "--pool", required = true, paramLabel = "NAME", description = "The work pool to serve.")
            String pool,
            @Option(names = "--queue", paramLabel = "QUEUE", description = "Only this queue of the pool (repeatable; default all).")
            List<String> queues,
            @Option(names = "--limit", defaultValue = "5", description = "At most this many runs at once (default ${DEFAULT-VALUE}).")
            int limit,
            @Option(names = "--name", paramLabel = "NAME", description = "The worker's name, unique in the pool (default host-pid).")
            String name,
            @Option(names = "--cancel-grace", paramLabel = "SECONDS", defaultValue = "30",
                    description = "How long a cancelled run's processes have after SIGTERM before they are killed"
                            + " (default ${DEFAULT-VALUE}).")
            int cancelGrace,
            @Option(names = "--prefetch", paramLabel = "SECONDS", defaultValue = "10",
                    description = "Claim runs this long before they are due, so their JVM is up when they are"
                            + " (default ${DEFAULT-VALUE}).")
            int prefetch) throws Exception {
        if (limit < 1) {
            throw CliException.usage("--limit must be 1 or more, got " + limit);
        }
        if (prefetch < 0 || prefetch > 300) {
            throw CliException.usage("--prefetch must be 0 to 300 seconds, got " + prefetch);
        }
        if (cancelGrace < 0) {
            throw CliException.usage("--cancel-grace must be 0 or more seconds, got " + cancelGrace);
        }
        String worker = name != null ? name : InetAddress.getLocalHost().getHostName() + "-" + ProcessHandle.current().pid();
        WorkerOptions options = new WorkerOptions(pool, queues == null ? List.of() : queues, limit, worker,
                Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(cancelGrace),
                session.settings().home().resolve("workers").resolve(pool), Duration.ofSeconds(prefetch));
        try (ApiConnection api = session.connect()) {
            WorkerLoop loop = new WorkerLoop(api.client(), options,
                    WorkerLoop.childEnvironment(api.client(), session.settings().apiKey()), session.out(), session.err());
            loop.run();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }
}
