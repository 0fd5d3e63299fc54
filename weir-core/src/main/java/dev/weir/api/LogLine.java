package dev.weir.api;

import java.time.Instant;
import java.util.UUID;

/**
 * A stored log line; {@code id} grows in insertion order and is the cursor of the live tail
 * ({@code GET /api/logs/stream?afterId=}).
 */
public record LogLine(long id, UUID flowRunId, UUID taskRunId, String level, String logger, String message,
        Instant timestamp) {}
