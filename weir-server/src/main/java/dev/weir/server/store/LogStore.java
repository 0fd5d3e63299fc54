package dev.weir.server.store;

import dev.weir.run.RunLog;
import java.util.List;
import java.util.UUID;

/** Log lines of runs. Thread-safe. */
public interface LogStore {

    /**
     * Inserts the lines in one transaction, in list order, so their ids increase in that order.
     *
     * @throws dev.weir.core.WeirException if a line has an unknown level; nothing is inserted then
     */
    void insert(List<RunLog> logs);

    /** Lines matching the filter, ordered by timestamp, then id. */
    List<LogEntry> list(LogFilter filter, Page page);

    long count(LogFilter filter);

    /** At most {@code limit} lines of the flow run with an id above {@code afterId}, by id: a live tail. */
    List<LogEntry> since(UUID flowRunId, long afterId, int limit);
}
