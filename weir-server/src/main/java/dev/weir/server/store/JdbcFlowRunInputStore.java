package dev.weir.server.store;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** {@link FlowRunInputStore} over JDBC. */
final class JdbcFlowRunInputStore implements FlowRunInputStore {

    private final SqlExecutor executor;
    private final Sql sql;
    private final Jdbc jdbc;

    JdbcFlowRunInputStore(SqlExecutor executor, Sql sql) {
        this.executor = executor;
        this.sql = sql;
        this.jdbc = new Jdbc(sql);
    }

    @Override
    public void put(UUID flowRunId, String key, Object value, java.time.Instant now) {
        executor.write(connection -> {
            try (var ps = connection.prepareStatement("INSERT INTO flow_run_inputs (flow_run_id, key, value, created)"
                    + " VALUES (?, ?, ?, ?) ON CONFLICT (flow_run_id, key) DO UPDATE SET value = excluded.value")) {
                sql.setUuid(ps, 1, flowRunId);
                ps.setString(2, key);
                sql.setJson(ps, 3, value);
                sql.setInstant(ps, 4, now);
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public Optional<Object> read(UUID flowRunId, String key) {
        return executor.read(connection -> jdbc.one(connection,
                "SELECT value FROM flow_run_inputs WHERE flow_run_id = ? AND key = ?", List.of(flowRunId, key),
                rs -> Sql.json(rs, "value", Object.class)));
    }
}
