package dev.weir.server.store;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.weir.run.TaskInput;
import dev.weir.run.TaskRun;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * {@link TaskRunStore} over JDBC: a batch is one multi-row upsert plus one batched history insert
 * that skips states already recorded.
 */
final class JdbcTaskRunStore implements TaskRunStore {

    private static final TypeReference<List<String>> TAGS = new TypeReference<>() {};
    private static final TypeReference<Map<String, List<TaskInput>>> INPUTS = new TypeReference<>() {};

    private static final String UPSERT = "INSERT INTO task_runs (id, flow_run_id, name, task_key, dynamic_key, tags,"
            + " inputs, state_type, state_name, state_message, state_timestamp, state_details, run_count, start_time,"
            + " end_time, total_run_time_ms, created, updated)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            + " ON CONFLICT (id) DO UPDATE SET name = excluded.name, tags = excluded.tags, inputs = excluded.inputs,"
            + " state_type = excluded.state_type, state_name = excluded.state_name,"
            + " state_message = excluded.state_message, state_timestamp = excluded.state_timestamp,"
            + " state_details = excluded.state_details, run_count = excluded.run_count,"
            + " start_time = excluded.start_time, end_time = excluded.end_time,"
            + " total_run_time_ms = excluded.total_run_time_ms, updated = excluded.updated";

    private final SqlExecutor executor;
    private final Jdbc jdbc;
    private final Sql sql;
    private final StateHistory history;
    private final InstantSource clock;

    JdbcTaskRunStore(SqlExecutor executor, Sql sql, InstantSource clock) {
        this.executor = executor;
        this.sql = sql;
        this.jdbc = new Jdbc(sql);
        this.history = StateHistory.ofTaskRuns(jdbc);
        this.clock = clock;
    }

    @Override
    public void upsert(List<TaskRun> taskRuns) {
        if (taskRuns.isEmpty()) {
            return;
        }
        List<TaskRun> batch = List.copyOf(taskRuns);
        // Several updates of one task run in a batch (Pending, Running, Completed): the row is written
        // once, as the last update has it; every state still gets its history row below.
        java.util.Map<UUID, TaskRun> latest = new java.util.LinkedHashMap<>();
        for (TaskRun run : batch) {
            latest.remove(run.id());
            latest.put(run.id(), run);
        }
        List<TaskRun> rows = List.copyOf(latest.values());
        executor.write(connection -> {
            upsertRows(connection, rows);
            try (PreparedStatement insert = connection.prepareStatement(history.insertUnlessPresentSql())) {
                for (TaskRun run : batch) {
                    history.bindUnlessPresent(insert, run.id(), run.state());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            return null;
        });
    }

    private void upsertRows(Connection connection, List<TaskRun> batch) throws SQLException {
        long now = Sql.micros(clock.instant());
        try (PreparedStatement upsert = connection.prepareStatement(UPSERT)) {
            for (TaskRun run : batch) {
                sql.setUuid(upsert, 1, run.id());
                sql.setUuid(upsert, 2, run.flowRunId());
                upsert.setString(3, run.name());
                upsert.setString(4, run.taskKey());
                upsert.setInt(5, run.dynamicKey());
                sql.setJson(upsert, 6, run.tags());
                sql.setJson(upsert, 7, run.inputs());
                upsert.setString(8, run.state().type().name());
                upsert.setString(9, run.state().name());
                upsert.setString(10, run.state().message());
                sql.setInstant(upsert, 11, run.state().timestamp());
                sql.setJson(upsert, 12, run.state().details());
                upsert.setInt(13, run.runCount());
                sql.setInstant(upsert, 14, run.startTime());
                sql.setInstant(upsert, 15, run.endTime());
                upsert.setLong(16, run.totalRunTime().toMillis());
                if (run.createdAt() == null) {
                    upsert.setLong(17, now);
                } else {
                    sql.setInstant(upsert, 17, run.createdAt());
                }
                upsert.setLong(18, now);
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
    }

    @Override
    public Optional<TaskRun> read(UUID id) {
        return executor.read(connection ->
                jdbc.one(connection, "SELECT * FROM task_runs WHERE id = ?", List.of(id), this::row));
    }

    @Override
    public List<TaskRun> listByFlowRun(UUID flowRunId) {
        return executor.read(connection -> jdbc.list(connection,
                "SELECT * FROM task_runs WHERE flow_run_id = ? ORDER BY created, id", List.of(flowRunId), this::row));
    }

    @Override
    public List<StateRecord> states(UUID id) {
        return executor.read(connection -> history.list(connection, id));
    }

    private TaskRun row(ResultSet rs) throws SQLException {
        return new TaskRun(
                sql.uuid(rs, "id"),
                rs.getString("name"),
                rs.getString("task_key"),
                sql.uuid(rs, "flow_run_id"),
                rs.getInt("dynamic_key"),
                Sql.json(rs, "tags", TAGS),
                Sql.json(rs, "inputs", INPUTS),
                StateHistory.current(rs),
                rs.getInt("run_count"),
                Sql.instant(rs, "created"),
                Sql.instant(rs, "start_time"),
                Sql.instant(rs, "end_time"),
                Duration.ofMillis(rs.getLong("total_run_time_ms")));
    }
}
