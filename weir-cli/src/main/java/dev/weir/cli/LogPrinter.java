package dev.weir.cli;

import dev.weir.api.LogLine;
import dev.weir.server.store.LogLevel;
import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Prints a flow run's log lines as {@code time level [task] message} (no brackets for the flow run's own
 * lines), skipping lines below the minimum level.
 */
final class LogPrinter {

    private final PrintStream out;
    private final LogLevel minimum;
    private final Map<UUID, String> taskNames;

    /**
     * @param taskNames task run ids to names; a line whose task run is missing shows the id
     */
    LogPrinter(PrintStream out, LogLevel minimum, Map<UUID, String> taskNames) {
        this.out = out;
        this.minimum = minimum;
        this.taskNames = taskNames;
    }

    /** Whether this printer knows the name of the line's task run (or the line has none). */
    boolean knowsTaskOf(LogLine line) {
        return line.taskRunId() == null || taskNames.containsKey(line.taskRunId());
    }

    void print(LogLine line) {
        if (level(line.level()).number() < minimum.number()) {
            return;
        }
        StringBuilder text = new StringBuilder(Formats.logTime(line.timestamp())).append(' ')
                .append(String.format(Locale.ROOT, "%-5s", level(line.level()).name())).append(' ');
        if (line.taskRunId() != null) {
            text.append('[').append(taskNames.getOrDefault(line.taskRunId(), line.taskRunId().toString())).append("] ");
        }
        out.println(text.append(line.message()));
    }

    private static LogLevel level(String name) {
        try {
            return LogLevel.parse(name);
        } catch (RuntimeException e) {
            return LogLevel.INFO;
        }
    }
}
