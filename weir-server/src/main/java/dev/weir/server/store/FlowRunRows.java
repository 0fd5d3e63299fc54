package dev.weir.server.store;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.weir.orchestrator.FlowRunCreate;
import dev.weir.run.FlowRun;
import dev.weir.run.RetryPolicy;
import dev.weir.state.State;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Maps flow-run rows to records and records to the insert and state-update statements. */
final class FlowRunRows {

    private static final TypeReference<Map<String, Object>> PARAMETERS = new TypeReference<>() {};
    private static final TypeReference<List<String>> TAGS = new TypeReference<>() {};

    /** The select of flow runs with their flow's name; the table alias is {@code fr}. */
    static final String SELECT = "SELECT fr.*, f.name AS flow_name FROM flow_runs fr JOIN flows f ON f.id = fr.flow_id";

    static final String INSERT = "INSERT INTO flow_runs (id, flow_id, name, flow_version, state_type, state_name,"
            + " state_message, state_timestamp, state_details, parameters, tags, parent_task_run_id, deployment_id,"
            + " idempotency_key, run_count, retries, retry_delay_seconds, expected_start_time, start_time, end_time,"
            + " total_run_time_ms, version, created, updated, auto_scheduled, schedule_id, retry_crashes)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, NULL, NULL, 0, 1, ?, ?, ?, ?, ?)"
            + " ON CONFLICT DO NOTHING";

    static final String UPDATE_STATE = "UPDATE flow_runs SET state_type = ?, state_name = ?, state_message = ?,"
            + " state_timestamp = ?, state_details = ?, run_count = ?, start_time = ?, end_time = ?,"
            + " total_run_time_ms = ?, expected_start_time = COALESCE(expected_start_time, ?),"
            + " version = version + 1, updated = ? WHERE id = ? AND version = ?";

    private final Sql sql;

    FlowRunRows(Sql sql) {
        this.sql = sql;
    }

    void bindInsert(PreparedStatement ps, NewFlowRun run, UUID flowId) throws SQLException {
        FlowRunCreate create = run.create();
        State state = create.initialState();
        RetryPolicy policy = create.policy() == null ? RetryPolicy.NONE : create.policy();
        sql.setUuid(ps, 1, create.id());
        sql.setUuid(ps, 2, flowId);
        ps.setString(3, create.name() == null || create.name().isBlank() ? dev.weir.core.RunNames.generate() : create.name());
        ps.setString(4, create.flowVersion());
        bindState(ps, 5, state);
        sql.setJson(ps, 10, create.parameters() == null ? Map.of() : create.parameters());
        sql.setJson(ps, 11, create.tags() == null ? List.of() : create.tags());
        sql.setUuid(ps, 12, create.parentTaskRunId());
        sql.setUuid(ps, 13, run.deploymentId());
        ps.setString(14, run.idempotencyKey());
        ps.setInt(15, policy.retries());
        ps.setDouble(16, policy.retryDelaySeconds());
        sql.setInstant(ps, 17, run.expectedStartTime());
        sql.setInstant(ps, 18, run.created());
        sql.setInstant(ps, 19, run.created());
        ps.setInt(20, run.scheduleId() == null ? 0 : 1);
        sql.setUuid(ps, 21, run.scheduleId());
        ps.setInt(22, policy.retryCrashes() ? 1 : 0);
    }

    void bindUpdateState(PreparedStatement ps, FlowRun run, UUID id, long expectedVersion, Instant now)
            throws SQLException {
        bindState(ps, 1, run.state());
        ps.setInt(6, run.runCount());
        sql.setInstant(ps, 7, run.startTime());
        sql.setInstant(ps, 8, run.endTime());
        ps.setLong(9, run.totalRunTime().toMillis());
        sql.setInstant(ps, 10, run.state().details().scheduledTime());
        sql.setInstant(ps, 11, now);
        sql.setUuid(ps, 12, id);
        ps.setLong(13, expectedVersion);
    }

    /** Binds type, name, message, timestamp and details at {@code first} to {@code first + 4}. */
    private void bindState(PreparedStatement ps, int first, State state) throws SQLException {
        ps.setString(first, state.type().name());
        ps.setString(first + 1, state.name());
        ps.setString(first + 2, state.message());
        sql.setInstant(ps, first + 3, state.timestamp());
        sql.setJson(ps, first + 4, state.details());
    }

    FlowRunRecord read(ResultSet rs) throws SQLException {
        FlowRun run = new FlowRun(
                sql.uuid(rs, "id"),
                rs.getString("name"),
                rs.getString("flow_name"),
                rs.getString("flow_version"),
                Sql.json(rs, "parameters", PARAMETERS),
                Sql.json(rs, "tags", TAGS),
                sql.uuid(rs, "parent_task_run_id"),
                StateHistory.current(rs),
                rs.getInt("run_count"),
                new RetryPolicy(rs.getInt("retries"), rs.getDouble("retry_delay_seconds"), rs.getInt("retry_crashes") == 1),
                Sql.instant(rs, "created"),
                Sql.instant(rs, "start_time"),
                Sql.instant(rs, "end_time"),
                Duration.ofMillis(rs.getLong("total_run_time_ms")));
        return new FlowRunRecord(
                run,
                sql.uuid(rs, "flow_id"),
                sql.uuid(rs, "deployment_id"),
                rs.getString("idempotency_key"),
                Sql.instant(rs, "expected_start_time"),
                Sql.instant(rs, "updated"),
                rs.getLong("version"),
                sql.uuid(rs, "schedule_id"));
    }
}
