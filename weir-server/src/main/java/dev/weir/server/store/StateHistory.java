package dev.weir.server.store;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.weir.core.Ids;
import dev.weir.state.State;
import dev.weir.state.StateDetails;
import dev.weir.state.StateType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

/** The state history table of flow runs or of task runs: rows appended, never changed. */
final class StateHistory {

    private static final TypeReference<StateDetails> DETAILS = new TypeReference<>() {};

    private final Jdbc jdbc;
    private final String table;
    private final String runColumn;

    private StateHistory(Jdbc jdbc, String table, String runColumn) {
        this.jdbc = jdbc;
        this.table = table;
        this.runColumn = runColumn;
    }

    static StateHistory ofFlowRuns(Jdbc jdbc) {
        return new StateHistory(jdbc, "flow_run_states", "flow_run_id");
    }

    static StateHistory ofTaskRuns(Jdbc jdbc) {
        return new StateHistory(jdbc, "task_run_states", "task_run_id");
    }

    /** Appends {@code state} to the run's history. */
    void append(Connection connection, UUID runId, State state) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(insertSql(""))) {
            bind(insert, runId, state);
            insert.executeUpdate();
        }
    }

    /**
     * The statement that appends a state unless the run's history already has one of the same type,
     * name and timestamp; its parameters are bound by {@link #bindUnlessPresent}.
     */
    String insertUnlessPresentSql() {
        return insertSql(" WHERE NOT EXISTS (SELECT 1 FROM " + table + " WHERE " + runColumn
                + " = ? AND timestamp = ? AND type = ? AND name = ?)");
    }

    void bindUnlessPresent(PreparedStatement insert, UUID runId, State state) throws SQLException {
        bind(insert, runId, state);
        jdbc.sql().setUuid(insert, 8, runId);
        jdbc.sql().setInstant(insert, 9, state.timestamp());
        insert.setString(10, state.type().name());
        insert.setString(11, state.name());
    }

    List<StateRecord> list(Connection connection, UUID runId) throws SQLException {
        return jdbc.list(connection,
                "SELECT * FROM " + table + " WHERE " + runColumn + " = ? ORDER BY timestamp, id",
                List.of(runId),
                rs -> new StateRecord(jdbc.sql().uuid(rs, "id"), jdbc.sql().uuid(rs, runColumn), read(rs)));
    }

    private String insertSql(String condition) {
        return "INSERT INTO " + table + " (id, " + runColumn + ", type, name, message, timestamp, details)"
                + " SELECT ?, ?, ?, ?, ?, ?, ?" + condition;
    }

    private void bind(PreparedStatement insert, UUID runId, State state) throws SQLException {
        Sql sql = jdbc.sql();
        sql.setUuid(insert, 1, Ids.newId());
        sql.setUuid(insert, 2, runId);
        insert.setString(3, state.type().name());
        insert.setString(4, state.name());
        insert.setString(5, state.message());
        sql.setInstant(insert, 6, state.timestamp());
        sql.setJson(insert, 7, state.details());
    }

    private static State read(ResultSet rs) throws SQLException {
        return new State(
                StateType.valueOf(rs.getString("type")),
                rs.getString("name"),
                rs.getString("message"),
                Sql.instant(rs, "timestamp"),
                Sql.json(rs, "details", DETAILS));
    }

    /** The state held in a run row's {@code state_*} columns. */
    static State current(ResultSet rs) throws SQLException {
        return new State(
                StateType.valueOf(rs.getString("state_type")),
                rs.getString("state_name"),
                rs.getString("state_message"),
                Sql.instant(rs, "state_timestamp"),
                Sql.json(rs, "state_details", DETAILS));
    }
}
