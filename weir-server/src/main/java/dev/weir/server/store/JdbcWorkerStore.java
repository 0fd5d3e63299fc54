package dev.weir.server.store;

import dev.weir.core.Ids;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** {@link WorkerStore} over JDBC. */
final class JdbcWorkerStore implements WorkerStore {

    private final SqlExecutor executor;
    private final Sql sql;
    private final Jdbc jdbc;

    JdbcWorkerStore(SqlExecutor executor, Sql sql) {
        this.executor = executor;
        this.sql = sql;
        this.jdbc = new Jdbc(sql);
    }

    @Override
    public WorkerRecord heartbeat(UUID poolId, String name, Instant now) {
        return executor.write(connection -> {
            jdbc.update(connection, "INSERT INTO workers (id, pool_id, name, last_heartbeat, status) VALUES (?, ?, ?, ?, 'ONLINE')"
                    + " ON CONFLICT (pool_id, name) DO UPDATE SET last_heartbeat = excluded.last_heartbeat, status = 'ONLINE'",
                    List.of(Ids.newId(), poolId, name, now));
            return jdbc.one(connection, "SELECT * FROM workers WHERE pool_id = ? AND name = ?", List.of(poolId, name), this::row)
                    .orElseThrow();
        });
    }

    @Override
    public List<WorkerRecord> list(UUID poolId) {
        return executor.read(connection -> jdbc.list(connection, "SELECT * FROM workers WHERE pool_id = ? ORDER BY name",
                List.of(poolId), this::row));
    }

    @Override
    public int markOffline(Instant before) {
        return executor.write(connection -> jdbc.update(connection,
                "UPDATE workers SET status = 'OFFLINE' WHERE status = 'ONLINE' AND last_heartbeat < ?", List.of(before)));
    }

    private WorkerRecord row(ResultSet rs) throws SQLException {
        return new WorkerRecord(sql.uuid(rs, "id"), sql.uuid(rs, "pool_id"), rs.getString("name"),
                Sql.instant(rs, "last_heartbeat"), WorkerRecord.Status.valueOf(rs.getString("status")));
    }
}
