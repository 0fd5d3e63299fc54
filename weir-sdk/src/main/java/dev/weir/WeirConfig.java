package dev.weir;

import dev.weir.cache.LockManager;
import dev.weir.core.WeirException;
import dev.weir.orchestrator.Orchestrator;
import dev.weir.result.ResultStorage;
import java.net.URI;
import java.time.InstantSource;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Settings of a {@link WeirRuntime}: where runs are recorded, the clock and sleeper the engine uses,
 * and defaults for flows and tasks. Starts from the {@code WEIR_*} environment variables; change it
 * in {@link Weir#configure}.
 */
public final class WeirConfig {

    private Orchestrator orchestrator;
    private InstantSource clock = InstantSource.system();
    private Sleeper sleeper = Sleeper.system();
    private int defaultFlowRetries;
    private int defaultTaskRetries;
    private String logLevel = "INFO";
    private boolean persistResultsByDefault;
    private boolean refreshCache;
    private ResultStorage resultStorage;
    private LockManager lockManager;
    private java.time.Duration runHeartbeat = java.time.Duration.ofSeconds(15);
    private URI apiUrl;
    private String apiKey;

    private WeirConfig() {}

    /**
     * Settings read from the environment: {@code WEIR_FLOWS_DEFAULT_RETRIES}, {@code WEIR_TASKS_DEFAULT_RETRIES},
     * {@code WEIR_LOGGING_LEVEL}, {@code WEIR_RESULTS_PERSIST_BY_DEFAULT}, {@code WEIR_TASKS_REFRESH_CACHE}.
     */
    public static WeirConfig fromEnvironment() {
        return fromEnvironment(System.getenv());
    }

    static WeirConfig fromEnvironment(Map<String, String> env) {
        WeirConfig config = new WeirConfig();
        config.defaultFlowRetries = nonNegativeInt(env, "WEIR_FLOWS_DEFAULT_RETRIES");
        config.defaultTaskRetries = nonNegativeInt(env, "WEIR_TASKS_DEFAULT_RETRIES");
        config.persistResultsByDefault = bool(env, "WEIR_RESULTS_PERSIST_BY_DEFAULT");
        config.refreshCache = bool(env, "WEIR_TASKS_REFRESH_CACHE");
        String beat = env.get("WEIR_RUN_HEARTBEAT_SECONDS");
        if (beat != null && !beat.isBlank()) {
            config.runHeartbeat(seconds("WEIR_RUN_HEARTBEAT_SECONDS", beat));
        }
        String level = env.get("WEIR_LOGGING_LEVEL");
        if (level != null && !level.isBlank()) {
            config.logLevel(level);
        }
        return config;
    }

    private static boolean bool(Map<String, String> env, String name) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return false;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes", "on" -> true;
            case "false", "0", "no", "off" -> false;
            default -> throw new WeirException(name + " must be true or false, got '" + value + "'");
        };
    }

    private static int nonNegativeInt(Map<String, String> env, String name) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return 0;
        }
        try {
            int parsed = Integer.parseInt(value.trim());
            if (parsed >= 0) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below with the accepted values
        }
        throw new WeirException(name + " must be a whole number of 0 or more, got '" + value + "'");
    }

    private static java.time.Duration seconds(String name, String value) {
        try {
            double seconds = Double.parseDouble(value.trim());
            if (seconds > 0 && seconds <= 3600) {
                return java.time.Duration.ofMillis((long) (seconds * 1000));
            }
        } catch (NumberFormatException e) {
            // reported below with the accepted values
        }
        throw new WeirException(name + " must be a number of seconds above 0 and at most 3600, got '" + value + "'");
    }

    /**
     * How often a running flow run tells the orchestrator its process is alive ({@code
     * WEIR_RUN_HEARTBEAT_SECONDS}, 15 s); the server crashes a run that misses three beats, and the
     * answer to a beat is how a run learns it is being cancelled.
     */
    public WeirConfig runHeartbeat(java.time.Duration value) {
        Objects.requireNonNull(value, "runHeartbeat");
        if (value.isNegative() || value.isZero()) {
            throw new WeirException("runHeartbeat must be positive, got " + value);
        }
        this.runHeartbeat = value;
        return this;
    }

    /** Records runs with {@code orchestrator} instead of the default. */
    public WeirConfig orchestrator(Orchestrator value) {
        this.orchestrator = Objects.requireNonNull(value, "orchestrator");
        return this;
    }

    /** The clock that stamps states and decides when waits are over. */
    public WeirConfig clock(InstantSource value) {
        this.clock = Objects.requireNonNull(value, "clock");
        return this;
    }

    /** How the engine waits between retries; tests pass one that advances a virtual clock. */
    public WeirConfig sleeper(Sleeper value) {
        this.sleeper = Objects.requireNonNull(value, "sleeper");
        return this;
    }

    /** Retries of flows that do not set {@link Flow#retries()}. */
    public WeirConfig defaultFlowRetries(int value) {
        this.defaultFlowRetries = requireNonNegative("defaultFlowRetries", value);
        return this;
    }

    /** Retries of tasks that do not set {@link Task#retries()}. */
    public WeirConfig defaultTaskRetries(int value) {
        this.defaultTaskRetries = requireNonNegative("defaultTaskRetries", value);
        return this;
    }

    /** The lowest level of run log lines recorded: TRACE, DEBUG, INFO, WARN or ERROR. */
    public WeirConfig logLevel(String value) {
        String upper = value.trim().toUpperCase(Locale.ROOT);
        if (!upper.matches("TRACE|DEBUG|INFO|WARN|ERROR")) {
            throw new WeirException("log level must be one of TRACE, DEBUG, INFO, WARN, ERROR; got '" + value + "'");
        }
        this.logLevel = upper;
        return this;
    }

    /** Whether results are persisted when neither the task nor its flow says. */
    public WeirConfig persistResultsByDefault(boolean value) {
        this.persistResultsByDefault = value;
        return this;
    }

    /** Whether every cached task ignores its cached result and computes it again. */
    public WeirConfig refreshCache(boolean value) {
        this.refreshCache = value;
        return this;
    }

    /** Where results are kept when a task names no storage; {@code $WEIR_HOME/storage} by default. */
    public WeirConfig resultStorage(ResultStorage value) {
        this.resultStorage = Objects.requireNonNull(value, "resultStorage");
        return this;
    }

    /** The locks of SERIALIZABLE caching; file locks under {@code $WEIR_HOME/locks} by default. */
    public WeirConfig lockManager(LockManager value) {
        this.lockManager = Objects.requireNonNull(value, "lockManager");
        return this;
    }

    /**
     * The Weir API this runtime records runs through when no {@link #orchestrator(Orchestrator)} is
     * set (batched), and where {@link dev.weir.serve.Serving} registers and claims; such as {@code
     * http://127.0.0.1:4200/api}; checked when the runtime is created. The default runtime takes it
     * from {@code WEIR_API_URL}.
     */
    public WeirConfig apiUrl(URI value) {
        this.apiUrl = Objects.requireNonNull(value, "apiUrl");
        return this;
    }

    /** The key sent to the {@link #apiUrl(URI) API}; the default runtime takes it from {@code WEIR_API_KEY}. */
    public WeirConfig apiKey(String value) {
        this.apiKey = Objects.requireNonNull(value, "apiKey");
        return this;
    }

    private static int requireNonNegative(String name, int value) {
        if (value < 0) {
            throw new WeirException(name + " must be 0 or more, got " + value);
        }
        return value;
    }

    public Optional<Orchestrator> orchestrator() {
        return Optional.ofNullable(orchestrator);
    }

    public InstantSource clock() {
        return clock;
    }

    public Sleeper sleeper() {
        return sleeper;
    }

    public int defaultFlowRetries() {
        return defaultFlowRetries;
    }

    public int defaultTaskRetries() {
        return defaultTaskRetries;
    }

    public String logLevel() {
        return logLevel;
    }

    public boolean persistResultsByDefault() {
        return persistResultsByDefault;
    }

    public boolean refreshCache() {
        return refreshCache;
    }

    public Optional<ResultStorage> resultStorage() {
        return Optional.ofNullable(resultStorage);
    }

    public java.time.Duration runHeartbeat() {
        return runHeartbeat;
    }

    public Optional<LockManager> lockManager() {
        return Optional.ofNullable(lockManager);
    }

    public Optional<URI> apiUrl() {
        return Optional.ofNullable(apiUrl);
    }

    public Optional<String> apiKey() {
        return Optional.ofNullable(apiKey).filter(key -> !key.isBlank());
    }
}
