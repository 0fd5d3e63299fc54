package dev.weir.server.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** {@link ApiKeyStore} over JDBC. */
final class JdbcApiKeyStore implements ApiKeyStore {

    private static final String COLUMNS = "id, name, role, key_hash, created, revoked";

    private final SqlExecutor executor;
    private final Sql sql;
    private final Jdbc jdbc;

    JdbcApiKeyStore(SqlExecutor executor, Sql sql) {
        this.executor = executor;
        this.sql = sql;
        this.jdbc = new Jdbc(sql);
    }

    @Override
    public void insert(ApiKeyRecord key) {
        executor.write(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO api_keys (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?)")) {
                sql.bindAll(insert, List.of(key.id(), key.name(), key.role(), key.keyHash(), key.created(),
                        key.revoked() ? 1 : 0));
                return insert.executeUpdate();
            }
        });
    }

    @Override
    public Optional<ApiKeyRecord> findByHash(String keyHash) {
        return executor.read(connection -> jdbc.one(connection,
                "SELECT " + COLUMNS + " FROM api_keys WHERE key_hash = ?", List.of(keyHash), this::row));
    }

    @Override
    public List<ApiKeyRecord> list() {
        return executor.read(connection -> jdbc.list(connection,
                "SELECT " + COLUMNS + " FROM api_keys ORDER BY created DESC, id", List.of(), this::row));
    }

    @Override
    public boolean revoke(UUID id) {
        return executor.write(connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE api_keys SET revoked = 1 WHERE id = ?")) {
                sql.bind(update, 1, id);
                return update.executeUpdate() > 0;
            }
        });
    }

    @Override
    public long countActive() {
        return executor.read(connection -> jdbc.count(connection, "SELECT COUNT(*) FROM api_keys WHERE revoked = 0", List.of()));
    }

    private ApiKeyRecord row(ResultSet rs) throws SQLException {
        return new ApiKeyRecord(sql.uuid(rs, "id"), rs.getString("name"), rs.getString("role"),
                rs.getString("key_hash"), Sql.instant(rs, "created"), rs.getInt("revoked") != 0);
    }
}
