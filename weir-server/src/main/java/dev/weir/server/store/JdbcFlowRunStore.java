package dev.weir.server.store;

import dev.weir.run.FlowRun;
import dev.weir.state.StateType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** {@link FlowRunStore} over JDBC; see the interface for the versioning that prevents lost updates. */
final class JdbcFlowRunStore implements FlowRunStore {

    private final SqlExecutor executor;
    private final Jdbc jdbc;
    private final FlowRunRows rows;
    private final StateHistory history;
    private final JdbcFlowStore flows;
    private final InstantSource clock;

    JdbcFlowRunStore(SqlExecutor executor, Sql sql, JdbcFlowStore flows, InstantSource clock) {
        this.executor = executor;
        this.jdbc = new Jdbc(sql);
        this.rows = new FlowRunRows(sql);
        this.history = StateHistory.ofFlowRuns(jdbc);
        this.flows = flows;
        this.clock = clock;
    }

    @Override
    public CreatedFlowRun create(NewFlowRun run) {
        Objects.requireNonNull(run, "run");
        return executor.write(connection -> {
            UUID flowId = flows.upsert(connection, run.create().flowName(), run.created());
            Optional<FlowRunRecord> existing = existing(connection, run, flowId);
            if (existing.isPresent()) {
                return new CreatedFlowRun(existing.get(), false);
            }
            int inserted;
            try (PreparedStatement insert = connection.prepareStatement(FlowRunRows.INSERT)) {
                rows.bindInsert(insert, run, flowId);
                inserted = insert.executeUpdate();
            }
            if (inserted == 0) {
                // A concurrent create (PostgreSQL) won the race for the id or the idempotency key.
                return new CreatedFlowRun(existing(connection, run, flowId).orElseThrow(), false);
            }
            history.append(connection, run.create().id(), run.create().initialState());
            return new CreatedFlowRun(find(connection, run.create().id(), false).orElseThrow(), true);
        });
    }

    private Optional<FlowRunRecord> existing(Connection connection, NewFlowRun run, UUID flowId) throws SQLException {
        Optional<FlowRunRecord> byId = find(connection, run.create().id(), false);
        if (byId.isPresent()) {
            return byId;
        }
        if (run.idempotencyKey() != null) {
            Optional<FlowRunRecord> byKey = jdbc.one(connection,
                    FlowRunRows.SELECT + " WHERE fr.flow_id = ? AND fr.idempotency_key = ?",
                    List.of(flowId, run.idempotencyKey()),
                    rows::read);
            if (byKey.isPresent()) {
                return byKey;
            }
        }
        if (run.scheduleId() != null && run.deploymentId() != null && run.expectedStartTime() != null) {
            return jdbc.one(connection, FlowRunRows.SELECT + " WHERE fr.auto_scheduled = 1 AND fr.deployment_id = ?"
                    + " AND fr.schedule_id = ? AND fr.expected_start_time = ?",
                    List.of(run.deploymentId(), run.scheduleId(), run.expectedStartTime()), rows::read);
        }
        return Optional.empty();
    }

    @Override
    public Optional<FlowRunRecord> read(UUID id) {
        return executor.read(connection -> find(connection, id, false));
    }

    @Override
    public Optional<FlowRunRecord> readForUpdate(UUID id) {
        return executor.read(connection -> find(connection, id, true));
    }

    private Optional<FlowRunRecord> find(Connection connection, UUID id, boolean lock) throws SQLException {
        String suffix = lock ? jdbc.sql().dialect().forUpdate("fr") : "";
        return jdbc.one(connection, FlowRunRows.SELECT + " WHERE fr.id = ?" + suffix, List.of(id), rows::read);
    }

    @Override
    public List<FlowRunRecord> list(FlowRunFilter filter, FlowRunSort sort, Page page) {
        Where where = where(filter);
        String query = FlowRunRows.SELECT + where.sql() + " ORDER BY " + sort.orderBy() + " LIMIT ? OFFSET ?";
        return executor.read(connection -> jdbc.list(connection, query, Jdbc.paged(where.values(), page), rows::read));
    }

    @Override
    public long count(FlowRunFilter filter) {
        Where where = where(filter);
        String query = "SELECT COUNT(*) FROM flow_runs fr JOIN flows f ON f.id = fr.flow_id" + where.sql();
        return executor.read(connection -> jdbc.count(connection, query, where.values()));
    }

    @Override
    public boolean setInfrastructurePid(UUID id, String pid) {
        return executor.write(connection -> jdbc.update(connection, "UPDATE flow_runs SET infrastructure_pid = ? WHERE id = ?",
                java.util.Arrays.asList(pid, id)) > 0);
    }

    @Override
    public Optional<String> infrastructurePid(UUID id) {
        return executor.read(connection -> jdbc.one(connection, "SELECT infrastructure_pid FROM flow_runs WHERE id = ?",
                List.of(id), rs -> Optional.ofNullable(rs.getString(1)))).flatMap(pid -> pid);
    }

    @Override
    public List<FlowRunRecord> listDue(String stateName, Instant before, int limit) {
        String query = FlowRunRows.SELECT + " WHERE fr.state_type = 'SCHEDULED' AND fr.state_name = ?"
                + " AND fr.expected_start_time < ? ORDER BY fr.expected_start_time, fr.id LIMIT ?";
        return executor.read(connection -> jdbc.list(connection, query, List.of(stateName, before, limit), rows::read));
    }

    private Where where(FlowRunFilter filter) {
        Where where = new Where()
                .in("fr.state_type", filter.stateTypes().stream().map(StateType::name).sorted().toList())
                .in("f.name", filter.flowNames().stream().sorted().toList())
                .within("fr.start_time", filter.startTime())
                .within("fr.created", filter.created())
                .equal("fr.parent_task_run_id", filter.parentTaskRunId())
                .equal("fr.deployment_id", filter.deploymentId());
        for (String tag : filter.tags().stream().sorted().toList()) {
            where.and(jdbc.sql().dialect().jsonArrayContains("fr.tags"), tag);
        }
        return where;
    }

    @Override
    public FlowRunRecord writeState(UUID id, long expectedVersion, FlowRun newRun) {
        Objects.requireNonNull(newRun, "newRun");
        if (!id.equals(newRun.id())) {
            throw new IllegalArgumentException("writeState for run " + id + " was given run " + newRun.id());
        }
        return executor.write(connection -> {
            int updated;
            try (PreparedStatement update = connection.prepareStatement(FlowRunRows.UPDATE_STATE)) {
                rows.bindUpdateState(update, newRun, id, expectedVersion, clock.instant());
                updated = update.executeUpdate();
            }
            if (updated == 0) {
                throw new StateConflictException(id, expectedVersion);
            }
            history.append(connection, id, newRun.state());
            return find(connection, id, false).orElseThrow();
        });
    }

    @Override
    public boolean heartbeat(UUID id, Instant at) {
        return executor.write(connection -> jdbc.update(connection, "UPDATE flow_runs SET heartbeat = ? WHERE id = ?",
                List.of(at, id)) > 0);
    }

    @Override
    public List<FlowRunRecord> listSilent(Instant before, int limit) {
        String query = FlowRunRows.SELECT + " WHERE (fr.state_type IN ('PENDING', 'RUNNING')"
                + " OR (fr.state_type = 'PAUSED' AND fr.state_name <> 'Suspended'))"
                + " AND (fr.heartbeat < ? OR (fr.heartbeat IS NULL AND fr.state_timestamp < ?))"
                + " ORDER BY fr.state_timestamp, fr.id LIMIT ?";
        return executor.read(connection -> jdbc.list(connection, query, List.of(before, before, limit), rows::read));
    }

    @Override
    public List<FlowRunRecord> listInStateSince(StateType type, Instant before, int limit) {
        String query = FlowRunRows.SELECT + " WHERE fr.state_type = ? AND fr.state_timestamp < ?"
                + " ORDER BY fr.state_timestamp, fr.id LIMIT ?";
        return executor.read(connection -> jdbc.list(connection, query, List.of(type.name(), before, limit), rows::read));
    }

    @Override
    public List<FlowRunRecord> unfinishedChildren(UUID id) {
        String query = FlowRunRows.SELECT + " WHERE fr.parent_task_run_id IN (SELECT tr.id FROM task_runs tr"
                + " WHERE tr.flow_run_id = ?) AND fr.state_type NOT IN ('COMPLETED', 'FAILED', 'CANCELLED', 'CRASHED')"
                + " ORDER BY fr.created, fr.id";
        return executor.read(connection -> jdbc.list(connection, query, List.of(id), rows::read));
    }

    @Override
    public List<StateRecord> states(UUID id) {
        return executor.read(connection -> history.list(connection, id));
    }

    @Override
    public boolean delete(UUID id) {
        return executor.write(connection -> {
            deleteLogs(connection, jdbc, "= ?", List.of(id));
            jdbc.update(connection, "DELETE FROM concurrency_leases WHERE flow_run_id = ?", List.of(id));
            return jdbc.update(connection, "DELETE FROM flow_runs WHERE id = ?", List.of(id)) > 0;
        });
    }

    /**
     * Deletes the log lines of the flow runs matching {@code runCondition} (applied to a flow-run id
     * column, such as {@code "= ?"} or {@code "IN (...)"}) and of their task runs; the states and task
     * runs go by cascade with the flow runs.
     */
    static void deleteLogs(Connection connection, Jdbc jdbc, String runCondition, List<?> params) throws SQLException {
        jdbc.update(connection, "DELETE FROM logs WHERE task_run_id IN (SELECT id FROM task_runs WHERE flow_run_id "
                + runCondition + ")", params);
        jdbc.update(connection, "DELETE FROM logs WHERE flow_run_id " + runCondition, params);
    }
}
