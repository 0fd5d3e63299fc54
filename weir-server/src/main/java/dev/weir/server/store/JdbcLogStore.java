package dev.weir.server.store;

import dev.weir.run.RunLog;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** {@link LogStore} over JDBC; levels are stored as {@link LogLevel} numbers. */
final class JdbcLogStore implements LogStore {

    private static final String INSERT =
            "INSERT INTO logs (flow_run_id, task_run_id, level, logger, message, timestamp) VALUES (?, ?, ?, ?, ?, ?)";

    private final SqlExecutor executor;
    private final Jdbc jdbc;
    private final Sql sql;

    JdbcLogStore(SqlExecutor executor, Sql sql) {
        this.executor = executor;
        this.sql = sql;
        this.jdbc = new Jdbc(sql);
    }

    @Override
    public void insert(List<RunLog> logs) {
        if (logs.isEmpty()) {
            return;
        }
        List<RunLog> batch = List.copyOf(logs);
        List<Integer> levels = new ArrayList<>(batch.size());
        for (RunLog log : batch) {
            levels.add(LogLevel.parse(log.level()).number());
        }
        executor.write(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                for (int i = 0; i < batch.size(); i++) {
                    RunLog log = batch.get(i);
                    sql.setUuid(insert, 1, log.flowRunId());
                    sql.setUuid(insert, 2, log.taskRunId());
                    insert.setInt(3, levels.get(i));
                    insert.setString(4, log.logger() == null ? "" : log.logger());
                    insert.setString(5, log.message() == null ? "" : log.message());
                    sql.setInstant(insert, 6, log.timestamp());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            return null;
        });
    }

    @Override
    public List<LogEntry> list(LogFilter filter, Page page) {
        Where where = where(filter);
        String query = "SELECT * FROM logs" + where.sql() + " ORDER BY timestamp, id LIMIT ? OFFSET ?";
        return executor.read(connection -> jdbc.list(connection, query, Jdbc.paged(where.values(), page), this::row));
    }

    @Override
    public long count(LogFilter filter) {
        Where where = where(filter);
        return executor.read(connection -> jdbc.count(connection, "SELECT COUNT(*) FROM logs" + where.sql(), where.values()));
    }

    @Override
    public List<LogEntry> since(UUID flowRunId, long afterId, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be 1 or more, got " + limit);
        }
        return executor.read(connection -> jdbc.list(connection,
                "SELECT * FROM logs WHERE flow_run_id = ? AND id > ? ORDER BY id LIMIT ?",
                List.of(flowRunId, afterId, limit),
                this::row));
    }

    private static Where where(LogFilter filter) {
        Where where = new Where().equal("flow_run_id", filter.flowRunId()).equal("task_run_id", filter.taskRunId());
        if (filter.minLevel() != LogLevel.TRACE) {
            where.and("level >= ?", filter.minLevel().number());
        }
        return where.within("timestamp", filter.timestamp());
    }

    private LogEntry row(ResultSet rs) throws SQLException {
        RunLog log = new RunLog(
                sql.uuid(rs, "flow_run_id"),
                sql.uuid(rs, "task_run_id"),
                LogLevel.ofNumber(rs.getInt("level")).name(),
                rs.getString("logger"),
                rs.getString("message"),
                Sql.instant(rs, "timestamp"));
        return new LogEntry(rs.getLong("id"), log);
    }
}
