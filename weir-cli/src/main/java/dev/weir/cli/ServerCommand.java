package dev.weir.cli;

import dev.weir.cli.config.Settings;
import dev.weir.core.WeirException;
import dev.weir.server.ServerConfig;
import dev.weir.server.WeirServer;
import dev.weir.server.store.StoreException;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code weir server}: runs the Weir server in this process. */
@Command(name = "server", description = "Runs the Weir server.")
final class ServerCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    private final Session session;

    ServerCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        return Groups.missing(spec);
    }

    /**
     * Starts the server, prints where it listens and how long starting took, and blocks until the process
     * is stopped (a shutdown hook closes the server) or this thread is interrupted.
     */
    @Command(name = "start", description = "Starts the server (UI at /, API at /api) and runs until Ctrl-C or SIGTERM.")
    int start(
            @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to listen on (default ${DEFAULT-VALUE}).")
            String host,
            @Option(names = "--port", defaultValue = "4200", description = "Port to listen on, 0 for any free one (default ${DEFAULT-VALUE}).")
            int port,
            @Option(names = "--auth", description = "Require API keys ('weir api-key create'); also WEIR_SERVER_AUTH=true.")
            boolean auth,
            @Option(names = "--allow-unauthenticated", description = "Listen on a non-loopback address without auth anyway.")
            boolean allowUnauthenticated) {
        if (port < 0 || port > 65535) {
            throw CliException.usage("--port must be between 0 and 65535, got " + port);
        }
        Settings settings = session.settings();
        boolean authOn = auth || "true".equalsIgnoreCase(settings.env().getOrDefault("WEIR_SERVER_AUTH", "").strip());
        java.time.Duration heartbeat;
        try {
            heartbeat = ServerConfig.runHeartbeat(settings.env().get("WEIR_RUN_HEARTBEAT_SECONDS"));
        } catch (WeirException e) {
            throw CliException.usage(e.getMessage());
        }
        ServerConfig config = new ServerConfig(host, port, settings.databaseUrl(), authOn, allowUnauthenticated,
                1024 * 1024, settings.retentionDays(), session.clock(), heartbeat);
        WeirServer server = listen(config);
        Duration started = Duration.between(processStart(), Instant.now());
        String ui = server.apiUrl().toString().replaceFirst("/api$", "");
        session.out().printf(Locale.ROOT, "Weir server listening on %s (API %s), database %s; started in %.2f s%n",
                ui, server.apiUrl(), redact(config.databaseUrl()), started.toMillis() / 1000.0);
        if (authOn && server.database().apiKeys().list().stream().allMatch(key -> key.revoked())) {
            session.err().println("note: auth is on and there is no API key yet; create one with"
                    + " 'weir api-key create --name admin --role admin'");
        }
        session.out().flush();
        return runUntilStopped(server);
    }

    private static WeirServer listen(ServerConfig config) {
        try {
            return WeirServer.start(config);
        } catch (StoreException e) {
            throw CliException.failure(e.getMessage());
        } catch (WeirException e) {
            // Refused bind, unknown host, port in use: the host and port given are at fault.
            throw CliException.usage(e.getMessage());
        }
    }

    private int runUntilStopped(WeirServer server) {
        AtomicBoolean closed = new AtomicBoolean();
        Runnable close = () -> {
            if (closed.compareAndSet(false, true)) {
                server.close();
                session.out().println("Weir server stopped.");
                session.out().flush();
            }
        };
        Thread hook = new Thread(close, "weir-server-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            new CountDownLatch(1).await();
        } catch (InterruptedException e) {
            // Stopped by the caller (tests, an embedding program): close below and return normally.
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The hook is running or has run and closes the server.
            return 0;
        }
        close.run();
        return 0;
    }

    /**
     * When this process (the JVM) started, to the millisecond. Not {@code ProcessHandle}'s start instant:
     * on Linux it is counted from the boot time in whole seconds, so it can be up to a second off.
     */
    private static Instant processStart() {
        return Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime());
    }

    /** {@code url} with any password parameter hidden. */
    static String redact(String url) {
        return url.replaceAll("(?i)(password=)[^&]*", "$1****");
    }
}
