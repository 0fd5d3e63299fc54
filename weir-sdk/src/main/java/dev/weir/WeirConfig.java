package dev.weir;

import dev.weir.core.WeirException;
import dev.weir.orchestrator.Orchestrator;
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

    private WeirConfig() {}

    /** Settings read from the environment: {@code WEIR_FLOWS_DEFAULT_RETRIES}, {@code WEIR_TASKS_DEFAULT_RETRIES}, {@code WEIR_LOGGING_LEVEL}. */
    public static WeirConfig fromEnvironment() {
        return fromEnvironment(System.getenv());
    }

    static WeirConfig fromEnvironment(Map<String, String> env) {
        WeirConfig config = new WeirConfig();
        config.defaultFlowRetries = nonNegativeInt(env, "WEIR_FLOWS_DEFAULT_RETRIES");
        config.defaultTaskRetries = nonNegativeInt(env, "WEIR_TASKS_DEFAULT_RETRIES");
        String level = env.get("WEIR_LOGGING_LEVEL");
        if (level != null && !level.isBlank()) {
            config.logLevel(level);
        }
        return config;
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
}
