package dev.weir.server.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.weir.core.Json;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * Binds and reads column values the same way in both dialects.
 *
 * <p><b>Time.</b> Instants are stored as epoch microseconds in BIGINT columns in both dialects, so a
 * stored instant comes back truncated to the microsecond (nanoseconds are dropped); durations are
 * stored as milliseconds. Instants inside JSON documents (state details) keep full precision.
 */
final class Sql {

    private final Dialect dialect;

    Sql(Dialect dialect) {
        this.dialect = dialect;
    }

    Dialect dialect() {
        return dialect;
    }

    /** The instant as epoch microseconds. */
    static long micros(Instant instant) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
    }

    static Instant instant(long micros) {
        return Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
    }

    /** Binds each value by its type: UUID, Instant, String, Integer, Long, Double or null (as text). */
    void bindAll(PreparedStatement ps, List<?> values) throws SQLException {
        for (int i = 0; i < values.size(); i++) {
            bind(ps, i + 1, values.get(i));
        }
    }

    void bind(PreparedStatement ps, int index, Object value) throws SQLException {
        switch (value) {
            case null -> ps.setNull(index, Types.VARCHAR);
            case UUID id -> dialect.setUuid(ps, index, id);
            case Instant instant -> ps.setLong(index, micros(instant));
            case String text -> ps.setString(index, text);
            case Integer number -> ps.setInt(index, number);
            case Long number -> ps.setLong(index, number);
            case Double number -> ps.setDouble(index, number);
            default -> throw new IllegalArgumentException("Cannot bind a " + value.getClass().getName());
        }
    }

    void setUuid(PreparedStatement ps, int index, UUID id) throws SQLException {
        dialect.setUuid(ps, index, id);
    }

    void setInstant(PreparedStatement ps, int index, Instant instant) throws SQLException {
        if (instant == null) {
            ps.setNull(index, Types.BIGINT);
        } else {
            ps.setLong(index, micros(instant));
        }
    }

    void setJson(PreparedStatement ps, int index, Object value) throws SQLException {
        dialect.setJson(ps, index, toJson(value));
    }

    UUID uuid(ResultSet rs, String column) throws SQLException {
        return dialect.uuid(rs, column);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        long micros = rs.getLong(column);
        return rs.wasNull() ? null : instant(micros);
    }

    static <T> T json(ResultSet rs, String column, TypeReference<T> type) throws SQLException {
        String text = rs.getString(column);
        try {
            return text == null ? null : Json.mapper().readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new StoreException("Column " + column + " holds JSON that does not read back: " + text, e);
        }
    }

    static <T> T json(ResultSet rs, String column, Class<T> type) throws SQLException {
        String text = rs.getString(column);
        try {
            return text == null ? null : Json.mapper().readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new StoreException("Column " + column + " holds JSON that does not read back: " + text, e);
        }
    }

    static String toJson(Object value) {
        try {
            return Json.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new StoreException("Cannot write a " + value.getClass().getName() + " as JSON", e);
        }
    }
}
