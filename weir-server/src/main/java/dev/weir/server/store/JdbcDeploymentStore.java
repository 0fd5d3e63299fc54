package dev.weir.server.store;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.weir.core.Ids;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** {@link DeploymentStore} over JDBC. */
final class JdbcDeploymentStore implements DeploymentStore {

    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

    private static final String SELECT = "SELECT d.*, f.name AS flow_name FROM deployments d JOIN flows f ON f.id = d.flow_id";

    private static final String INSERT = "INSERT INTO deployments (entrypoint, work_pool_name, work_queue_name,"
            + " parameters, parameter_schema, enforce_parameter_schema, tags, description, version, concurrency_limit,"
            + " job_variables, collision_strategy, retries, retry_delay_seconds, updated, id, flow_id, name, paused, created)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?)"
            + " ON CONFLICT (flow_id, name) DO NOTHING";

    private static final String UPDATE = "UPDATE deployments SET entrypoint = ?, work_pool_name = ?, work_queue_name = ?,"
            + " parameters = ?, parameter_schema = ?, enforce_parameter_schema = ?, tags = ?, description = ?,"
            + " version = ?, concurrency_limit = ?, job_variables = ?, collision_strategy = ?, retries = ?,"
            + " retry_delay_seconds = ?, updated = ? WHERE id = ?";

    private final SqlExecutor executor;
    private final Sql sql;
    private final Jdbc jdbc;
    private final JdbcFlowStore flows;

    JdbcDeploymentStore(SqlExecutor executor, Sql sql, JdbcFlowStore flows) {
        this.executor = executor;
        this.sql = sql;
        this.jdbc = new Jdbc(sql);
        this.flows = flows;
    }

    @Override
    public UpsertedDeployment upsert(NewDeployment deployment, Instant now) {
        Objects.requireNonNull(deployment, "deployment");
        return executor.write(connection -> {
            UUID flowId = flows.upsert(connection, deployment.flowName(), now);
            Optional<DeploymentRecord> existing = find(connection, " WHERE d.flow_id = ? AND d.name = ?",
                    List.of(flowId, deployment.name()));
            boolean inserted = false;
            if (existing.isEmpty()) {
                try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                    bindFields(insert, deployment, now);
                    sql.setUuid(insert, 16, Ids.newId());
                    sql.setUuid(insert, 17, flowId);
                    insert.setString(18, deployment.name());
                    sql.setInstant(insert, 19, now);
                    inserted = insert.executeUpdate() > 0;
                }
            }
            if (!inserted) {
                // It existed, or a concurrent upsert (PostgreSQL) created it first: update it.
                UUID id = existing.isPresent() ? existing.get().id()
                        : find(connection, " WHERE d.flow_id = ? AND d.name = ?", List.of(flowId, deployment.name()))
                                .orElseThrow().id();
                try (PreparedStatement update = connection.prepareStatement(UPDATE)) {
                    bindFields(update, deployment, now);
                    sql.setUuid(update, 16, id);
                    update.executeUpdate();
                }
            }
            DeploymentRecord stored = find(connection, " WHERE d.flow_id = ? AND d.name = ?",
                    List.of(flowId, deployment.name())).orElseThrow();
            return new UpsertedDeployment(stored, inserted);
        });
    }

    /** Binds the fields a client sets, at 1 to 15 (15 is the update time). */
    private void bindFields(PreparedStatement ps, NewDeployment d, Instant now) throws SQLException {
        ps.setString(1, d.entrypoint());
        ps.setString(2, d.workPoolName());
        ps.setString(3, d.workQueueName());
        sql.setJson(ps, 4, d.parameters());
        sql.setJson(ps, 5, d.parameterSchema());
        ps.setInt(6, d.enforceParameterSchema() ? 1 : 0);
        sql.setJson(ps, 7, d.tags());
        ps.setString(8, d.description());
        ps.setString(9, d.version());
        if (d.concurrencyLimit() == null) {
            ps.setNull(10, Types.INTEGER);
        } else {
            ps.setInt(10, d.concurrencyLimit());
        }
        sql.setJson(ps, 11, d.jobVariables());
        ps.setString(12, d.collisionStrategy().name());
        if (d.retries() == null) {
            ps.setNull(13, Types.INTEGER);
        } else {
            ps.setInt(13, d.retries());
        }
        if (d.retryDelaySeconds() == null) {
            ps.setNull(14, Types.DOUBLE);
        } else {
            ps.setDouble(14, d.retryDelaySeconds());
        }
        sql.setInstant(ps, 15, now);
    }

    @Override
    public Optional<DeploymentRecord> read(UUID id) {
        return executor.read(connection -> find(connection, " WHERE d.id = ?", List.of(id)));
    }

    @Override
    public Optional<DeploymentRecord> readByName(String flowName, String name) {
        return executor.read(connection -> find(connection, " WHERE f.name = ? AND d.name = ?", List.of(flowName, name)));
    }

    @Override
    public List<DeploymentRecord> list(DeploymentFilter filter, Page page) {
        Where where = where(filter);
        String query = SELECT + where.sql() + " ORDER BY f.name, d.name, d.id LIMIT ? OFFSET ?";
        return executor.read(connection -> jdbc.list(connection, query, Jdbc.paged(where.values(), page), this::row));
    }

    @Override
    public long count(DeploymentFilter filter) {
        Where where = where(filter);
        String query = "SELECT COUNT(*) FROM deployments d JOIN flows f ON f.id = d.flow_id" + where.sql();
        return executor.read(connection -> jdbc.count(connection, query, where.values()));
    }

    private Where where(DeploymentFilter filter) {
        Where where = new Where().in("f.name", filter.flowNames().stream().sorted().toList());
        if (filter.paused() != null) {
            where.and("d.paused = ?", filter.paused() ? 1 : 0);
        }
        for (String tag : filter.tags().stream().sorted().toList()) {
            where.and(sql.dialect().jsonArrayContains("d.tags"), tag);
        }
        return where;
    }

    @Override
    public boolean delete(UUID id) {
        return executor.write(connection -> {
            JdbcDeploymentScheduleStore.deleteUnstartedRuns(connection, jdbc, "deployment_id = ?", id);
            return jdbc.update(connection, "DELETE FROM deployments WHERE id = ?", List.of(id)) > 0;
        });
    }

    @Override
    public boolean setPaused(UUID id, boolean paused, Instant now) {
        return executor.write(connection -> {
            int updated = jdbc.update(connection, "UPDATE deployments SET paused = ?, updated = ? WHERE id = ?",
                    List.of(paused ? 1 : 0, now, id));
            if (updated > 0 && paused) {
                JdbcDeploymentScheduleStore.deleteUnstartedRuns(connection, jdbc, "deployment_id = ?", id);
            }
            return updated > 0;
        });
    }

    @Override
    public List<FlowRunRecord> dueServedRuns(Collection<UUID> deploymentIds, Instant before, int limit) {
        if (deploymentIds.isEmpty()) {
            return List.of();
        }
        List<Object> params = new ArrayList<>(deploymentIds);
        params.add(before);
        params.add(limit);
        String lock = sql.dialect().forUpdate("fr");
        String query = FlowRunRows.SELECT + " JOIN deployments d ON d.id = fr.deployment_id"
                + " WHERE d.work_pool_name IS NULL AND fr.deployment_id IN ("
                + String.join(", ", Collections.nCopies(deploymentIds.size(), "?")) + ")"
                + " AND fr.state_type = 'SCHEDULED' AND fr.expected_start_time <= ?"
                + " ORDER BY fr.expected_start_time, fr.id LIMIT ?" + (lock.isEmpty() ? "" : lock + " SKIP LOCKED");
        FlowRunRows rows = new FlowRunRows(sql);
        return executor.read(connection -> jdbc.list(connection, query, params, rows::read));
    }

    private Optional<DeploymentRecord> find(Connection connection, String condition, List<?> params) throws SQLException {
        return jdbc.one(connection, SELECT + condition, params, this::row);
    }

    private DeploymentRecord row(ResultSet rs) throws SQLException {
        int limit = rs.getInt("concurrency_limit");
        Integer concurrencyLimit = rs.wasNull() ? null : limit;
        return new DeploymentRecord(
                sql.uuid(rs, "id"),
                sql.uuid(rs, "flow_id"),
                rs.getString("flow_name"),
                rs.getString("name"),
                rs.getString("entrypoint"),
                rs.getString("work_pool_name"),
                rs.getString("work_queue_name"),
                Sql.json(rs, "parameters", OBJECT),
                Sql.json(rs, "parameter_schema", OBJECT),
                rs.getInt("enforce_parameter_schema") != 0,
                Sql.json(rs, "tags", STRINGS),
                rs.getString("description"),
                rs.getString("version"),
                concurrencyLimit,
                Sql.json(rs, "job_variables", OBJECT),
                rs.getInt("paused") != 0,
                Sql.instant(rs, "created"),
                Sql.instant(rs, "updated"),
                NewDeployment.CollisionStrategy.valueOf(rs.getString("collision_strategy")),
                nullableInt(rs, "retries"),
                nullableDouble(rs, "retry_delay_seconds"));
    }

    private static Integer nullableInt(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    private static Double nullableDouble(ResultSet rs, String column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? null : value;
    }
}
