package dev.weir.server.store;

import dev.weir.core.WeirException;
import java.util.Locale;

/**
 * Log levels with the numbers they are stored as, so that "level at least WARN" is one comparison.
 * The numbers are Python's, as Prefect stores them.
 */
public enum LogLevel {
    TRACE(5),
    DEBUG(10),
    INFO(20),
    WARN(30),
    ERROR(40);

    private final int number;

    LogLevel(int number) {
        this.number = number;
    }

    public int number() {
        return number;
    }

    /** The level of an SLF4J or Python level name ({@code WARNING} and {@code CRITICAL} are understood). */
    public static LogLevel parse(String name) {
        String upper = name == null ? "" : name.trim().toUpperCase(Locale.ROOT);
        return switch (upper) {
            case "TRACE" -> TRACE;
            case "DEBUG" -> DEBUG;
            case "INFO" -> INFO;
            case "WARN", "WARNING" -> WARN;
            case "ERROR", "CRITICAL", "FATAL" -> ERROR;
            default -> throw new WeirException(
                    "Unknown log level '" + name + "'; accepted: TRACE, DEBUG, INFO, WARN (WARNING), ERROR (CRITICAL)");
        };
    }

    /** The level stored as {@code number}; numbers between levels round down. */
    static LogLevel ofNumber(int number) {
        LogLevel found = TRACE;
        for (LogLevel level : values()) {
            if (level.number <= number) {
                found = level;
            }
        }
        return found;
    }
}
