package dev.weir.server.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** {@link ApiKeyStore} over JDBC. */
final class JdbcApiKeyStore implements ApiKeyStore {

    private static final String COLUMNS = "id, name, role, key_hash, created, revoked";

    private final SqlExecutor executor;
    private final Sql sql;

    JdbcApiKeyStore(SqlExecutor executor, Sql sql) {
        this.executor = executor;
        this.sql = sql;
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
        return executor.read(connection -> {
            try (PreparedStatement select =
                    connection.prepareStatement("SELECT " + COLUMNS + " FROM api_keys WHERE key_hash = ?")) {
                sql.bind(select, 1, keyHash);
                try (ResultSet rs = select.executeQuery()) {
                    return rs.next() ? Optional.of(row(rs)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public List<ApiKeyRecord> list() {
        return executor.read(connection -> {
            try (PreparedStatement select =
                            connection.prepareStatement("SELECT " + COLUMNS + " FROM api_keys ORDER BY created DESC, id");
                    ResultSet rs = select.executeQuery()) {
                List<ApiKeyRecord> keys = new ArrayList<>();
                while (rs.next()) {
                    keys.add(row(rs));
                }
                return keys;
            }
        });
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
        return executor.read(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT COUNT(*) FROM api_keys WHERE revoked = 0");
                    ResultSet rs = select.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    private ApiKeyRecord row(ResultSet rs) throws SQLException {
        return new ApiKeyRecord(sql.uuid(rs, "id"), rs.getString("name"), rs.getString("role"),
                rs.getString("key_hash"), Sql.instant(rs, "created"), rs.getInt("revoked") != 0);
    }
}
