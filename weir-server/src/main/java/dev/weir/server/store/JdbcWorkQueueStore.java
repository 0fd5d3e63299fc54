package dev.weir.server.store;

import dev.weir.core.Ids;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** {@link WorkQueueStore} over JDBC. */
final class JdbcWorkQueueStore implements WorkQueueStore {

    /** Runs of deployments on a pool and queue; a deployment without a queue is on the default one. */
    private static final String ON_QUEUE = " JOIN deployments d ON d.id = fr.deployment_id"
            + " WHERE d.work_pool_name = ? AND COALESCE(d.work_queue_name, '" + WorkPoolStore.DEFAULT_QUEUE + "') = ?";

    private final SqlExecutor executor;
    private final Sql sql;
    private final Jdbc jdbc;
    private final FlowRunRows rows;

    JdbcWorkQueueStore(SqlExecutor executor, Sql sql) {
        this.executor = executor;
        this.sql = sql;
        this.jdbc = new Jdbc(sql);
        this.rows = new FlowRunRows(sql);
    }

    @Override
    public WorkQueueRecord upsert(UUID poolId, NewWorkQueue queue, Instant now) {
        Objects.requireNonNull(queue, "queue");
        return executor.write(connection -> {
            Optional<WorkQueueRecord> existing = find(connection, poolId, queue.name());
            int priority = queue.priority() != null ? queue.priority()
                    : existing.map(WorkQueueRecord::priority).orElse(lowest(connection, poolId) + 1);
            Optional<WorkQueueRecord> holder = jdbc.one(connection, "SELECT * FROM work_queues WHERE pool_id = ? AND priority = ?",
                    List.of(poolId, priority), this::row);
            if (holder.isPresent() && !holder.get().name().equals(queue.name())) {
                throw new StoreException("Priority " + priority + " is taken by queue '" + holder.get().name()
                        + "' of the pool; priorities are unique in a pool");
            }
            String statement = existing.isEmpty()
                    ? "INSERT INTO work_queues (priority, concurrency_limit, paused, id, pool_id, name, created)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?)"
                    : "UPDATE work_queues SET priority = ?, concurrency_limit = ?, paused = ? WHERE id = ?";
            try (PreparedStatement ps = connection.prepareStatement(statement)) {
                ps.setInt(1, priority);
                if (queue.concurrencyLimit() == null) {
                    ps.setNull(2, Types.INTEGER);
                } else {
                    ps.setInt(2, queue.concurrencyLimit());
                }
                ps.setInt(3, queue.paused() ? 1 : 0);
                if (existing.isEmpty()) {
                    sql.setUuid(ps, 4, Ids.newId());
                    sql.setUuid(ps, 5, poolId);
                    ps.setString(6, queue.name());
                    sql.setInstant(ps, 7, now);
                } else {
                    sql.setUuid(ps, 4, existing.get().id());
                }
                ps.executeUpdate();
            }
            return find(connection, poolId, queue.name()).orElseThrow();
        });
    }

    private int lowest(Connection connection, UUID poolId) throws SQLException {
        return (int) jdbc.count(connection, "SELECT COALESCE(MAX(priority), 0) FROM work_queues WHERE pool_id = ?", List.of(poolId));
    }

    @Override
    public Optional<WorkQueueRecord> read(UUID poolId, String name) {
        return executor.read(connection -> find(connection, poolId, name));
    }

    @Override
    public List<WorkQueueRecord> list(UUID poolId) {
        return executor.read(connection -> jdbc.list(connection,
                "SELECT * FROM work_queues WHERE pool_id = ? ORDER BY priority", List.of(poolId), this::row));
    }

    @Override
    public void markPolled(Collection<UUID> queueIds, Instant now) {
        if (queueIds.isEmpty()) {
            return;
        }
        Where where = new Where().in("id", queueIds);
        List<Object> params = new ArrayList<>();
        params.add(now);
        params.addAll(where.values());
        executor.write(connection -> jdbc.update(connection, "UPDATE work_queues SET last_polled = ?" + where.sql(), params));
    }

    @Override
    public long active(String poolName, String queueName) {
        String query = "SELECT COUNT(*) FROM flow_runs fr JOIN deployments d ON d.id = fr.deployment_id"
                + " WHERE d.work_pool_name = ? AND fr.state_type IN ('PENDING', 'RUNNING', 'CANCELLING')"
                + (queueName == null ? "" : " AND COALESCE(d.work_queue_name, '" + WorkPoolStore.DEFAULT_QUEUE + "') = ?");
        List<Object> params = queueName == null ? List.of(poolName) : List.of(poolName, queueName);
        return executor.read(connection -> jdbc.count(connection, query, params));
    }

    @Override
    public List<FlowRunRecord> dueRuns(String poolName, String queueName, Instant before, int limit) {
        String lock = sql.dialect().forUpdate("fr");
        String query = FlowRunRows.SELECT + ON_QUEUE + " AND fr.state_type = 'SCHEDULED' AND fr.expected_start_time <= ?"
                + " ORDER BY fr.expected_start_time, fr.id LIMIT ?" + (lock.isEmpty() ? "" : lock + " SKIP LOCKED");
        return executor.read(connection -> jdbc.list(connection, query, List.of(poolName, queueName, before, limit), rows::read));
    }

    @Override
    public void assign(UUID flowRunId, UUID queueId) {
        executor.write(connection -> jdbc.update(connection, "UPDATE flow_runs SET work_queue_id = ? WHERE id = ?",
                List.of(queueId, flowRunId)));
    }

    private Optional<WorkQueueRecord> find(Connection connection, UUID poolId, String name) throws SQLException {
        return jdbc.one(connection, "SELECT * FROM work_queues WHERE pool_id = ? AND name = ?", List.of(poolId, name), this::row);
    }

    private WorkQueueRecord row(ResultSet rs) throws SQLException {
        int limit = rs.getInt("concurrency_limit");
        Integer concurrencyLimit = rs.wasNull() ? null : limit;
        return new WorkQueueRecord(sql.uuid(rs, "id"), sql.uuid(rs, "pool_id"), rs.getString("name"),
                rs.getInt("priority"), concurrencyLimit, rs.getInt("paused") != 0, Sql.instant(rs, "last_polled"));
    }
}
