package dev.weir.server.store;

import java.util.UUID;

/**
 * Which log lines a listing returns; every criterion that is set must hold.
 *
 * @param flowRunId lines of this flow run, or null for any
 * @param taskRunId lines of this task run, or null for any
 * @param minLevel lines at this level or above
 * @param timestamp lines whose timestamp falls in this range
 */
public record LogFilter(UUID flowRunId, UUID taskRunId, LogLevel minLevel, TimeRange timestamp) {

    public LogFilter {
        minLevel = minLevel == null ? LogLevel.TRACE : minLevel;
        timestamp = timestamp == null ? TimeRange.ANY : timestamp;
    }

    public static LogFilter all() {
        return new LogFilter(null, null, LogLevel.TRACE, TimeRange.ANY);
    }

    public static LogFilter ofFlowRun(UUID flowRunId) {
        return all().withFlowRun(flowRunId);
    }

    public LogFilter withFlowRun(UUID id) {
        return new LogFilter(id, taskRunId, minLevel, timestamp);
    }

    public LogFilter withTaskRun(UUID id) {
        return new LogFilter(flowRunId, id, minLevel, timestamp);
    }

    public LogFilter withMinLevel(LogLevel level) {
        return new LogFilter(flowRunId, taskRunId, level, timestamp);
    }

    public LogFilter withTimestamp(TimeRange range) {
        return new LogFilter(flowRunId, taskRunId, minLevel, range);
    }
}
