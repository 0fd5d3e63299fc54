package dev.weir.server.store;

import dev.weir.run.RunLog;

/**
 * A stored log line with its id, which increases in insertion order (the cursor of
 * {@link LogStore#since}).
 */
public record LogEntry(long id, RunLog log) {}
