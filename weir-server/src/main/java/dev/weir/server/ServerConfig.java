package dev.weir.server;

import dev.weir.core.WeirException;
import dev.weir.server.store.Database;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Map;
import java.util.Objects;

/**
 * How a {@link WeirServer} runs: where it listens, which database it uses, whether API keys are
 * required, request size limit and retention.
 *
 * @param allowUnauthenticatedRemote start on a non-loopback host without auth anyway (an explicit choice)
 * @param maxBodyBytes requests with larger bodies get 413
 * @param retentionDays finished runs, logs and events older than this are deleted; 0 keeps everything
 */
public record ServerConfig(
        String host,
        int port,
        String databaseUrl,
        boolean auth,
        boolean allowUnauthenticatedRemote,
        long maxBodyBytes,
        int retentionDays,
        InstantSource clock,
        Duration runHeartbeat) {

    public ServerConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(databaseUrl, "databaseUrl");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(runHeartbeat, "runHeartbeat");
        if (runHeartbeat.isNegative() || runHeartbeat.isZero()) {
            throw new WeirException("runHeartbeat must be positive, got " + runHeartbeat);
        }
        if (port < 0 || port > 65535) {
            throw new WeirException("port must be between 0 and 65535, got " + port);
        }
        if (maxBodyBytes < 1) {
            throw new WeirException("maxBodyBytes must be 1 or more, got " + maxBodyBytes);
        }
        if (retentionDays < 0) {
            throw new WeirException("retentionDays must be 0 (keep everything) or more, got " + retentionDays);
        }
    }

    /** A configuration with the default run heartbeat of 15 s. */
    public ServerConfig(String host, int port, String databaseUrl, boolean auth, boolean allowUnauthenticatedRemote,
            long maxBodyBytes, int retentionDays, InstantSource clock) {
        this(host, port, databaseUrl, auth, allowUnauthenticatedRemote, maxBodyBytes, retentionDays, clock,
                Duration.ofSeconds(15));
    }

    /**
     * 127.0.0.1:4200, the database of {@code WEIR_DATABASE_URL} (else {@code $WEIR_HOME/weir.db}), auth
     * when {@code WEIR_SERVER_AUTH=true}, 1 MB bodies, retention of {@code WEIR_RETENTION_DAYS} (30), run
     * heartbeats every {@code WEIR_RUN_HEARTBEAT_SECONDS} (15).
     */
    public static ServerConfig defaults() {
        return fromEnvironment(System.getenv());
    }

    static ServerConfig fromEnvironment(Map<String, String> env) {
        return new ServerConfig("127.0.0.1", 4200, Database.defaultUrl(),
                Boolean.parseBoolean(env.getOrDefault("WEIR_SERVER_AUTH", "false")), false, 1024 * 1024,
                retention(env.get("WEIR_RETENTION_DAYS")), InstantSource.system(),
                runHeartbeat(env.get("WEIR_RUN_HEARTBEAT_SECONDS")));
    }

    /**
     * The beat flow runs are expected at, from a {@code WEIR_RUN_HEARTBEAT_SECONDS} value (null or blank:
     * 15 s): three missed ones crash a run. Clients and server must agree on it.
     *
     * @throws WeirException if the value is not a number of seconds above 0 and at most 3600
     */
    public static Duration runHeartbeat(String value) {
        if (value == null || value.isBlank()) {
            return Duration.ofSeconds(15);
        }
        try {
            double seconds = Double.parseDouble(value.trim());
            if (seconds > 0 && seconds <= 3600) {
                return Duration.ofMillis((long) (seconds * 1000));
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new WeirException("WEIR_RUN_HEARTBEAT_SECONDS must be a number of seconds above 0 and at most 3600; got '"
                + value + "'");
    }

    private static int retention(String value) {
        if (value == null || value.isBlank()) {
            return 30;
        }
        try {
            int days = Integer.parseInt(value.trim());
            if (days >= 0) {
                return days;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new WeirException("WEIR_RETENTION_DAYS must be a whole number of days, 0 to keep everything; got '" + value + "'");
    }

    public ServerConfig withHost(String value) {
        return new ServerConfig(value, port, databaseUrl, auth, allowUnauthenticatedRemote, maxBodyBytes, retentionDays, clock, runHeartbeat);
    }

    public ServerConfig withPort(int value) {
        return new ServerConfig(host, value, databaseUrl, auth, allowUnauthenticatedRemote, maxBodyBytes, retentionDays, clock, runHeartbeat);
    }

    public ServerConfig withDatabaseUrl(String value) {
        return new ServerConfig(host, port, value, auth, allowUnauthenticatedRemote, maxBodyBytes, retentionDays, clock, runHeartbeat);
    }

    public ServerConfig withAuth(boolean value) {
        return new ServerConfig(host, port, databaseUrl, value, allowUnauthenticatedRemote, maxBodyBytes, retentionDays, clock, runHeartbeat);
    }

    public ServerConfig withAllowUnauthenticatedRemote(boolean value) {
        return new ServerConfig(host, port, databaseUrl, auth, value, maxBodyBytes, retentionDays, clock, runHeartbeat);
    }

    public ServerConfig withMaxBodyBytes(long value) {
        return new ServerConfig(host, port, databaseUrl, auth, allowUnauthenticatedRemote, value, retentionDays, clock, runHeartbeat);
    }

    public ServerConfig withRetentionDays(int value) {
        return new ServerConfig(host, port, databaseUrl, auth, allowUnauthenticatedRemote, maxBodyBytes, value, clock, runHeartbeat);
    }

    public ServerConfig withRunHeartbeat(Duration value) {
        return new ServerConfig(host, port, databaseUrl, auth, allowUnauthenticatedRemote, maxBodyBytes, retentionDays, clock, value);
    }

    public ServerConfig withClock(InstantSource value) {
        return new ServerConfig(host, port, databaseUrl, auth, allowUnauthenticatedRemote, maxBodyBytes, retentionDays, value, runHeartbeat);
    }
}
