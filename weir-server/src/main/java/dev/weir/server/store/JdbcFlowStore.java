package dev.weir.server.store;

import dev.weir.core.Ids;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** {@link FlowStore} over JDBC. */
final class JdbcFlowStore implements FlowStore {

    private static final String COLUMNS = "id, name, created";

    private final SqlExecutor executor;
    private final Sql sql;

    JdbcFlowStore(SqlExecutor executor, Sql sql) {
        this.executor = executor;
        this.sql = sql;
    }

    @Override
    public UUID upsert(String name, Instant now) {
        Objects.requireNonNull(name, "name");
        return executor.write(connection -> upsert(connection, name, now));
    }

    /** Inserts the flow unless its name exists; returns its id. Runs inside the caller's transaction. */
    UUID upsert(Connection connection, String name, Instant now) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO flows (id, name, created) VALUES (?, ?, ?) ON CONFLICT (name) DO NOTHING")) {
            sql.bindAll(insert, List.of(Ids.newId(), name, now));
            insert.executeUpdate();
        }
        return find(connection, "name = ?", name).orElseThrow().id();
    }

    @Override
    public Optional<FlowRecord> read(UUID id) {
        return executor.read(connection -> find(connection, "id = ?", id));
    }

    @Override
    public Optional<FlowRecord> readByName(String name) {
        return executor.read(connection -> find(connection, "name = ?", name));
    }

    @Override
    public List<FlowRecord> list(Page page) {
        return executor.read(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT " + COLUMNS + " FROM flows ORDER BY name LIMIT ? OFFSET ?")) {
                sql.bindAll(select, List.of(page.limit(), page.offset()));
                List<FlowRecord> flows = new ArrayList<>();
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        flows.add(row(rs));
                    }
                }
                return flows;
            }
        });
    }

    @Override
    public long count() {
        return executor.read(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT COUNT(*) FROM flows");
                    ResultSet rs = select.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    private Optional<FlowRecord> find(Connection connection, String condition, Object value) throws SQLException {
        try (PreparedStatement select =
                connection.prepareStatement("SELECT " + COLUMNS + " FROM flows WHERE " + condition)) {
            sql.bind(select, 1, value);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(row(rs)) : Optional.empty();
            }
        }
    }

    private FlowRecord row(ResultSet rs) throws SQLException {
        return new FlowRecord(sql.uuid(rs, "id"), rs.getString("name"), Sql.instant(rs, "created"));
    }
}
