package dev.weir.server.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.UUID;

/** What differs between SQLite and PostgreSQL for the stores: how ids and JSON are bound, row locks. */
enum Dialect {
    SQLITE("sqlite") {
        @Override
        void setUuid(PreparedStatement ps, int index, UUID value) throws SQLException {
            ps.setString(index, value == null ? null : value.toString());
        }

        @Override
        UUID uuid(ResultSet rs, String column) throws SQLException {
            String text = rs.getString(column);
            return text == null ? null : UUID.fromString(text);
        }

        @Override
        void setJson(PreparedStatement ps, int index, String json) throws SQLException {
            ps.setString(index, json);
        }

        @Override
        String forUpdate(String alias) {
            return "";
        }

        @Override
        String jsonArrayContains(String column) {
            return "EXISTS (SELECT 1 FROM json_each(" + column + ") WHERE json_each.value = ?)";
        }

        @Override
        void lockForMigration(Connection connection) {
            // BEGIN IMMEDIATE on the single writer already excludes every other writer.
        }
    },
    POSTGRES("postgres") {
        @Override
        void setUuid(PreparedStatement ps, int index, UUID value) throws SQLException {
            if (value == null) {
                ps.setNull(index, Types.OTHER);
            } else {
                ps.setObject(index, value);
            }
        }

        @Override
        UUID uuid(ResultSet rs, String column) throws SQLException {
            return rs.getObject(column, UUID.class);
        }

        @Override
        void setJson(PreparedStatement ps, int index, String json) throws SQLException {
            ps.setObject(index, json, Types.OTHER);
        }

        @Override
        String forUpdate(String alias) {
            return " FOR UPDATE OF " + alias;
        }

        @Override
        String jsonArrayContains(String column) {
            return column + " @> jsonb_build_array(CAST(? AS text))";
        }

        @Override
        void lockForMigration(Connection connection) throws SQLException {
            try (Statement statement = connection.createStatement()) {
                // One server migrates at a time; the lock ends with the transaction.
                statement.execute("SELECT pg_advisory_xact_lock(7234017)");
            }
        }
    };

    private final String resourceFolder;

    Dialect(String resourceFolder) {
        this.resourceFolder = resourceFolder;
    }

    /** The folder under {@code db/} that holds this dialect's migrations. */
    String resourceFolder() {
        return resourceFolder;
    }

    abstract void setUuid(PreparedStatement ps, int index, UUID value) throws SQLException;

    abstract UUID uuid(ResultSet rs, String column) throws SQLException;

    abstract void setJson(PreparedStatement ps, int index, String json) throws SQLException;

    /**
     * The suffix of a SELECT that locks the rows of the table aliased {@code alias} until the
     * transaction ends, or "" where writers are serial anyway.
     */
    abstract String forUpdate(String alias);

    /** A condition, with one {@code ?} for a string, that holds when the JSON array in {@code column} contains it. */
    abstract String jsonArrayContains(String column);

    abstract void lockForMigration(Connection connection) throws SQLException;
}
