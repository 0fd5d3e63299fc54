package dev.weir.api;

import java.time.Instant;
import java.util.UUID;

/**
 * The body of {@code POST /api/logs/filter}; every field is optional.
 *
 * @param minLevel the lowest level returned: TRACE, DEBUG, INFO, WARN or ERROR
 * @param limit at most this many lines (1 to 1000, default 200), oldest first
 */
public record LogQuery(UUID flowRunId, UUID taskRunId, String minLevel, Instant after, Instant before, Integer limit,
        Integer offset) {

    public static LogQuery ofFlowRun(UUID flowRunId) {
        return new LogQuery(flowRunId, null, null, null, null, null, null);
    }
}
