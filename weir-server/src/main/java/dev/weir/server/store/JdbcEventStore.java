package dev.weir.server.store;

import com.fasterxml.jackson.core.type.TypeReference;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * {@link EventStore} over JDBC. The name prefix is compared with {@code substr}, which is
 * case-sensitive in both dialects (SQLite's LIKE is not).
 */
final class JdbcEventStore implements EventStore {

    private static final TypeReference<Map<String, String>> LABELS = new TypeReference<>() {};
    private static final TypeReference<List<Map<String, String>>> RELATED = new TypeReference<>() {};
    private static final TypeReference<Map<String, Object>> PAYLOAD = new TypeReference<>() {};

    private final SqlExecutor executor;
    private final Jdbc jdbc;
    private final Sql sql;

    JdbcEventStore(SqlExecutor executor, Sql sql) {
        this.executor = executor;
        this.sql = sql;
        this.jdbc = new Jdbc(sql);
    }

    private static final String INSERT = "INSERT INTO events (id, occurred, event, resource_id, resource, related, payload)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING";

    @Override
    public void insert(Event event) {
        Objects.requireNonNull(event, "event");
        insertAll(List.of(event));
    }

    @Override
    public void insertAll(List<Event> events) {
        if (events.isEmpty()) {
            return;
        }
        executor.write(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                for (Event event : events) {
                    sql.setUuid(insert, 1, event.id());
                    sql.setInstant(insert, 2, event.occurred());
                    insert.setString(3, event.event());
                    insert.setString(4, event.resourceId());
                    sql.setJson(insert, 5, event.resource());
                    sql.setJson(insert, 6, event.related());
                    sql.setJson(insert, 7, event.payload());
                    insert.addBatch();
                }
                return insert.executeBatch().length;
            }
        });
    }

    @Override
    public Optional<Event> read(UUID id) {
        return executor.read(connection ->
                jdbc.one(connection, "SELECT * FROM events WHERE id = ?", List.of(id), this::row));
    }

    @Override
    public List<Event> list(EventFilter filter, Page page) {
        Where where = where(filter);
        String query = "SELECT * FROM events" + where.sql() + " ORDER BY occurred, id LIMIT ? OFFSET ?";
        return executor.read(connection -> jdbc.list(connection, query, Jdbc.paged(where.values(), page), this::row));
    }

    @Override
    public long count(EventFilter filter) {
        Where where = where(filter);
        return executor.read(connection ->
                jdbc.count(connection, "SELECT COUNT(*) FROM events" + where.sql(), where.values()));
    }

    private static Where where(EventFilter filter) {
        Where where = new Where();
        if (filter.namePrefix() != null && !filter.namePrefix().isEmpty()) {
            where.and("substr(event, 1, ?) = ?", filter.namePrefix().length(), filter.namePrefix());
        }
        return where.equal("resource_id", filter.resourceId()).within("occurred", filter.occurred());
    }

    private Event row(ResultSet rs) throws SQLException {
        return new Event(
                sql.uuid(rs, "id"),
                Sql.instant(rs, "occurred"),
                rs.getString("event"),
                rs.getString("resource_id"),
                Sql.json(rs, "resource", LABELS),
                Sql.json(rs, "related", RELATED),
                Sql.json(rs, "payload", PAYLOAD));
    }
}
