package dev.weir.internal.engine;

import dev.weir.orchestrator.Orchestrator;
import dev.weir.run.RunLog;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.InstantSource;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;

/**
 * The SLF4J logger of one run: each line at or above the configured level is recorded as the run's
 * log (with the stack trace of a throwable) and also passed to the application's SLF4J logger
 * {@code weir.flow_runs} or {@code weir.task_runs}, prefixed with the run's name.
 */
final class RunLogger extends LegacyAbstractLogger {

    private static final long serialVersionUID = 1L;
    private static final Logger FLOW_RUNS = LoggerFactory.getLogger("weir.flow_runs");
    private static final Logger TASK_RUNS = LoggerFactory.getLogger("weir.task_runs");

    private final transient Orchestrator orchestrator;
    private final transient InstantSource clock;
    private final UUID flowRunId;
    private final UUID taskRunId;
    private final int minLevel;
    private final String prefix;
    private final transient Logger forward;

    RunLogger(Orchestrator orchestrator, InstantSource clock, Level minLevel, UUID flowRunId, UUID taskRunId, String runLabel) {
        this.orchestrator = orchestrator;
        this.clock = clock;
        this.flowRunId = flowRunId;
        this.taskRunId = taskRunId;
        this.minLevel = minLevel.toInt();
        this.forward = taskRunId != null ? TASK_RUNS : FLOW_RUNS;
        this.prefix = runLabel + " - ";
        this.name = forward.getName();
    }

    private boolean enabled(Level level) {
        return level.toInt() >= minLevel || forward.isEnabledForLevel(level);
    }

    @Override
    public boolean isTraceEnabled() {
        return enabled(Level.TRACE);
    }

    @Override
    public boolean isDebugEnabled() {
        return enabled(Level.DEBUG);
    }

    @Override
    public boolean isInfoEnabled() {
        return enabled(Level.INFO);
    }

    @Override
    public boolean isWarnEnabled() {
        return enabled(Level.WARN);
    }

    @Override
    public boolean isErrorEnabled() {
        return enabled(Level.ERROR);
    }

    @Override
    protected String getFullyQualifiedCallerName() {
        return null;
    }

    @Override
    protected void handleNormalizedLoggingCall(
            Level level, Marker marker, String pattern, Object[] arguments, Throwable throwable) {
        String message = arguments == null || arguments.length == 0
                ? String.valueOf(pattern)
                : MessageFormatter.basicArrayFormat(pattern, arguments);
        if (level.toInt() >= minLevel) {
            String recorded = throwable == null ? message : message + "\n" + stackTrace(throwable);
            orchestrator.recordLog(new RunLog(flowRunId, taskRunId, level.name(), name, recorded, clock.instant()));
        }
        if (forward.isEnabledForLevel(level)) {
            PrintCapture.uncaptured(() -> forward.atLevel(level).setCause(throwable).log(prefix + message));
        }
    }

    private static String stackTrace(Throwable throwable) {
        StringWriter out = new StringWriter();
        throwable.printStackTrace(new PrintWriter(out));
        return out.toString().stripTrailing();
    }
}
