package dev.weir.server.store;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.weir.core.Ids;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** {@link WorkPoolStore} over JDBC. */
final class JdbcWorkPoolStore implements WorkPoolStore {

    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};

    private final SqlExecutor executor;
    private final Sql sql;
    private final Jdbc jdbc;

    JdbcWorkPoolStore(SqlExecutor executor, Sql sql) {
        this.executor = executor;
        this.sql = sql;
        this.jdbc = new Jdbc(sql);
    }

    @Override
    public UpsertedWorkPool upsert(NewWorkPool pool, Instant now) {
        Objects.requireNonNull(pool, "pool");
        return executor.write(connection -> {
            Optional<WorkPoolRecord> existing = find(connection, pool.name());
            boolean inserted = false;
            if (existing.isEmpty()) {
                var id = Ids.newId();
                inserted = update(connection, "INSERT INTO work_pools (id, name, type, description, base_job_template,"
                        + " concurrency_limit, paused, created, updated) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
                        + " ON CONFLICT (name) DO NOTHING", id, pool.name(), pool.type(), pool.description(),
                        new Json(pool.baseJobTemplate()), pool.concurrencyLimit(), pool.paused() ? 1 : 0, now, now) > 0;
                if (inserted) {
                    jdbc.update(connection, "INSERT INTO work_queues (id, pool_id, name, priority, concurrency_limit,"
                            + " paused, last_polled, created) VALUES (?, ?, ?, 1, NULL, 0, NULL, ?)",
                            List.of(Ids.newId(), id, DEFAULT_QUEUE, now));
                }
            }
            if (!inserted) {
                update(connection, "UPDATE work_pools SET type = ?, description = ?, base_job_template = ?,"
                        + " concurrency_limit = ?, paused = ?, updated = ? WHERE name = ?", pool.type(),
                        pool.description(), new Json(pool.baseJobTemplate()), pool.concurrencyLimit(),
                        pool.paused() ? 1 : 0, now, pool.name());
            }
            return new UpsertedWorkPool(find(connection, pool.name()).orElseThrow(), inserted);
        });
    }

    /** A value to bind as JSON. */
    private record Json(Object value) {}

    /** Binds nulls of any type, numbers, text and {@link Json} values. */
    private int update(Connection connection, String statement, Object... values) throws SQLException {
        try (var ps = connection.prepareStatement(statement)) {
            for (int i = 0; i < values.length; i++) {
                switch (values[i]) {
                    case null -> ps.setNull(i + 1, java.sql.Types.INTEGER);
                    case Json json -> sql.setJson(ps, i + 1, json.value());
                    default -> sql.bind(ps, i + 1, values[i]);
                }
            }
            return ps.executeUpdate();
        }
    }

    @Override
    public Optional<WorkPoolRecord> read(String name) {
        return executor.read(connection -> find(connection, name));
    }

    @Override
    public Optional<WorkPoolRecord> readForUpdate(String name) {
        return executor.read(connection -> jdbc.one(connection, "SELECT * FROM work_pools wp WHERE name = ?"
                + sql.dialect().forUpdate("wp"), List.of(name), this::row));
    }

    @Override
    public List<WorkPoolRecord> list() {
        return executor.read(connection -> jdbc.list(connection, "SELECT * FROM work_pools ORDER BY name", List.of(), this::row));
    }

    @Override
    public boolean delete(String name) {
        return executor.write(connection -> jdbc.update(connection, "DELETE FROM work_pools WHERE name = ?", List.of(name)) > 0);
    }

    @Override
    public boolean setPaused(String name, boolean paused, Instant now) {
        return executor.write(connection -> jdbc.update(connection, "UPDATE work_pools SET paused = ?, updated = ? WHERE name = ?",
                Arrays.asList(paused ? 1 : 0, now, name)) > 0);
    }

    private Optional<WorkPoolRecord> find(Connection connection, String name) throws SQLException {
        return jdbc.one(connection, "SELECT * FROM work_pools WHERE name = ?", List.of(name), this::row);
    }

    private WorkPoolRecord row(ResultSet rs) throws SQLException {
        int limit = rs.getInt("concurrency_limit");
        Integer concurrencyLimit = rs.wasNull() ? null : limit;
        return new WorkPoolRecord(sql.uuid(rs, "id"), rs.getString("name"), rs.getString("type"),
                rs.getString("description"), Sql.json(rs, "base_job_template", OBJECT), concurrencyLimit,
                rs.getInt("paused") != 0, Sql.instant(rs, "created"), Sql.instant(rs, "updated"));
    }
}
