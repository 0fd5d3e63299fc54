package dev.weir.server.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The few JDBC shapes the stores repeat: a list, an optional row, a count, an update. */
final class Jdbc {

    /** Maps the current row of a result set. */
    @FunctionalInterface
    interface Row<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private final Sql sql;

    Jdbc(Sql sql) {
        this.sql = sql;
    }

    Sql sql() {
        return sql;
    }

    <T> List<T> list(Connection connection, String query, List<?> params, Row<T> row) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(query)) {
            sql.bindAll(select, params);
            List<T> rows = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    rows.add(row.map(rs));
                }
            }
            return rows;
        }
    }

    <T> Optional<T> one(Connection connection, String query, List<?> params, Row<T> row) throws SQLException {
        List<T> rows = list(connection, query, params, row);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.getFirst());
    }

    long count(Connection connection, String query, List<?> params) throws SQLException {
        return one(connection, query, params, rs -> rs.getLong(1)).orElse(0L);
    }

    int update(Connection connection, String statement, List<?> params) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(statement)) {
            sql.bindAll(update, params);
            return update.executeUpdate();
        }
    }

    /** Adds LIMIT and OFFSET to a query's parameters. */
    static List<Object> paged(List<Object> params, Page page) {
        List<Object> all = new ArrayList<>(params);
        all.add(page.limit());
        all.add(page.offset());
        return all;
    }
}
