package dev.weir.server;

import dev.weir.core.WeirException;
import dev.weir.server.api.HttpApi;
import dev.weir.server.auth.ApiKeys;
import dev.weir.server.orchestration.FlowRunOrchestrator;
import dev.weir.server.service.DeleteExpiredRuns;
import dev.weir.server.service.CrashSilentRuns;
import dev.weir.server.service.FinishCancellations;
import dev.weir.server.service.MarkLateRuns;
import dev.weir.server.service.ReapExpiredLeases;
import dev.weir.server.service.MonitorWorkerHeartbeats;
import dev.weir.server.service.ScheduleFlowRuns;
import dev.weir.server.store.Database;
import io.javalin.Javalin;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;

/**
 * A running Weir server: the REST API under {@code /api} over a database, with its background
 * services. {@link #start} opens (and migrates) the database, refuses an unsafe bind, and listens.
 *
 * <pre>{@code
 * try (WeirServer server = WeirServer.start(ServerConfig.defaults().withPort(0))) {
 *     URI api = server.apiUrl();   // http://127.0.0.1:<port>/api
 * }
 * }</pre>
 */
public final class WeirServer implements AutoCloseable {

    private final Database database;
    private final boolean ownsDatabase;
    private final Javalin app;
    private final java.util.List<dev.weir.server.service.BackgroundService> services;
    private final ServerConfig config;

    private WeirServer(ServerConfig config, Database database, boolean ownsDatabase) {
        this.config = config;
        this.database = database;
        this.ownsDatabase = ownsDatabase;
        Runnable[] changed = {() -> {}};
        FlowRunOrchestrator orchestrator = new FlowRunOrchestrator(database, config.clock(), () -> changed[0].run());
        this.app = HttpApi.create(config, database, orchestrator, new ApiKeys(database.apiKeys(), config.clock()), changed);
        this.services = java.util.List.of(
                new DeleteExpiredRuns(database.retention(), config.clock(), config.retentionDays()),
                new ScheduleFlowRuns(database, orchestrator, config.clock()),
                new MarkLateRuns(database, orchestrator, config.clock()),
                new MonitorWorkerHeartbeats(database, config.clock()),
                new CrashSilentRuns(database, orchestrator, config.clock(), config.runHeartbeat()),
                new FinishCancellations(database, orchestrator, config.clock()),
                new ReapExpiredLeases(database, config.clock()));
    }

    /**
     * Opens the configured database and starts listening.
     *
     * @throws WeirException if the host is not a loopback address and auth is off (unless explicitly
     *     allowed), or the database cannot be opened
     */
    public static WeirServer start(ServerConfig config) {
        checkBind(config);
        Database database = Database.open(config.databaseUrl());
        try {
            return new WeirServer(config, database, true).listen();
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    /**
     * Opens the configured database and serves the API only, without the background services
     * (scheduler, late runs, heartbeats, retention): for a command that must change only what it is
     * asked to, such as the CLI reading the local database.
     */
    public static WeirServer startApiOnly(ServerConfig config) {
        checkBind(config);
        Database database = Database.open(config.databaseUrl());
        try {
            WeirServer server = new WeirServer(config, database, true);
            server.listenOnly();
            return server;
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    /** Starts listening over an already open database, which the caller keeps and closes. */
    public static WeirServer start(ServerConfig config, Database database) {
        checkBind(config);
        return new WeirServer(config, database, false).listen();
    }

    private void listenOnly() {
        try {
            app.start();
        } catch (RuntimeException e) {
            throw new WeirException("Cannot listen on " + config.host() + ":" + config.port() + ": " + rootMessage(e), e);
        }
    }

    private WeirServer listen() {
        listenOnly();
        services.forEach(service -> service.start(database.serviceLocks()));
        return this;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage();
    }

    static void checkBind(ServerConfig config) {
        if (config.auth() || config.allowUnauthenticatedRemote()) {
            return;
        }
        boolean loopback;
        try {
            loopback = InetAddress.getByName(config.host()).isLoopbackAddress();
        } catch (UnknownHostException e) {
            throw new WeirException("Unknown host '" + config.host() + "'; use an address such as 127.0.0.1");
        }
        if (!loopback) {
            throw new WeirException("Refusing to listen on " + config.host() + " without authentication: anyone who can"
                    + " reach it could run and delete flows. Turn auth on (--auth, then 'weir api-key create'), or pass"
                    + " --allow-unauthenticated if that is really intended.");
        }
    }

    /** The port the server listens on (the one chosen when configured with port 0). */
    public int port() {
        return app.port();
    }

    /** The API's base URL, such as {@code http://127.0.0.1:4200/api}. */
    public URI apiUrl() {
        String host = config.host().contains(":") ? "[" + config.host() + "]" : config.host();
        if (host.equals("0.0.0.0")) {
            host = "127.0.0.1";
        }
        return URI.create("http://" + host + ":" + port() + "/api");
    }

    public Database database() {
        return database;
    }

    @Override
    public void close() {
        services.forEach(dev.weir.server.service.BackgroundService::close);
        app.stop();
        if (ownsDatabase) {
            database.close();
        }
    }
}
