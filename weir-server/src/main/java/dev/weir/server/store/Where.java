package dev.weir.server.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/** Builds a WHERE clause of AND-ed conditions with its parameters, for the filters. */
final class Where {

    private final List<String> conditions = new ArrayList<>();
    private final List<Object> values = new ArrayList<>();

    /** Adds {@code condition}, whose {@code ?} placeholders take {@code params} in order. */
    Where and(String condition, Object... params) {
        conditions.add(condition);
        values.addAll(List.of(params));
        return this;
    }

    /** Adds {@code column = value} unless the value is null. */
    Where equal(String column, Object value) {
        return value == null ? this : and(column + " = ?", value);
    }

    /** Adds {@code column IN (...)} unless the values are empty. */
    Where in(String column, Collection<?> choices) {
        if (choices.isEmpty()) {
            return this;
        }
        conditions.add(column + " IN (" + String.join(", ", Collections.nCopies(choices.size(), "?")) + ")");
        values.addAll(choices);
        return this;
    }

    /** Adds the bounds of {@code range} on {@code column}, a microsecond column. */
    Where within(String column, TimeRange range) {
        Instant from = range.from();
        Instant to = range.to();
        if (from != null) {
            and(column + " >= ?", from);
        }
        if (to != null) {
            and(column + " < ?", to);
        }
        return this;
    }

    /** The clause, starting with " WHERE ", or "" when there is no condition. */
    String sql() {
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    List<Object> values() {
        return values;
    }
}
