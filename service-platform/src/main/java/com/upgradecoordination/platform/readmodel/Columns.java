package com.upgradecoordination.platform.readmodel;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/**
 * What an event writes to a row of a {@link ProjectionTable}: column values (null allowed), and
 * columns computed by SQL from the stored row. Values bind as SQL ones: an {@link Instant} as a
 * timestamp, a {@link LocalDate} as a date, an enum by its name.
 */
public final class Columns {

    private final Map<String, Object> values = new LinkedHashMap<>();
    private final Map<String, Integer> sqlTypes = new LinkedHashMap<>();
    private final Map<String, String> computed = new LinkedHashMap<>();
    private final Map<String, Object> parameters = new LinkedHashMap<>();

    private Columns() {
    }

    /** Column -> value pairs; unlike {@code Map.of}, a value may be null. */
    public static Columns of(Object... columnsAndValues) {
        if (columnsAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("columns and values come in pairs");
        }
        Columns columns = new Columns();
        for (int i = 0; i < columnsAndValues.length; i += 2) {
            columns.set((String) columnsAndValues[i], columnsAndValues[i + 1]);
        }
        return columns;
    }

    public Columns set(String column, Object value) {
        values.put(name(column), bindable(value));
        computed.remove(column);
        return this;
    }

    /** A value with its SQL type ({@link java.sql.Types}): a JDBC batch binds a null by it. */
    public Columns set(String column, Object value, int sqlType) {
        set(column, value);
        sqlTypes.put(column, sqlType);
        return this;
    }

    /**
     * A column computed from the stored row, e.g. {@code feedback_count + 1}; the expression may
     * name any value set here as {@code :column}, and any {@link #parameter}.
     */
    public Columns compute(String column, String expression) {
        computed.put(name(column), expression);
        values.remove(column);
        sqlTypes.remove(column);
        return this;
    }

    /** A value a {@link #compute computed} column's expression names as {@code :name}; not a column. */
    public Columns parameter(String name, Object value) {
        parameters.put(name(name), bindable(value));
        return this;
    }

    /** The value set for the column (as it binds), null when none is. */
    public Object get(String column) {
        return values.get(column);
    }

    /** Each column's value (as it binds), in the order they were set; computed columns and parameters left out. */
    public void forEachValue(BiConsumer<String, Object> action) {
        values.forEach(action);
    }

    boolean has(String column) {
        return values.containsKey(column) || computed.containsKey(column);
    }

    boolean hasComputed() {
        return !computed.isEmpty();
    }

    /** The columns, valued ones first, in the order they were set. */
    Set<String> names() {
        Set<String> names = new LinkedHashSet<>(values.keySet());
        names.addAll(computed.keySet());
        return Collections.unmodifiableSet(names);
    }

    /** {@code column = :column} for a value, {@code column = (expression)} for a computed one; all but {@code leftOut}. */
    String assignments(Set<String> leftOut) {
        return names().stream()
                .filter(column -> !leftOut.contains(column))
                .map(column -> column + " = " + (computed.containsKey(column) ? "(" + computed.get(column) + ")"
                        : ":" + column))
                .collect(Collectors.joining(", "));
    }

    /** The values (and parameters) as SQL parameters named by their columns, for a statement of one's own. */
    public MapSqlParameterSource parameters() {
        MapSqlParameterSource source = new MapSqlParameterSource(parameters);
        values.forEach((column, value) -> {
            Integer type = sqlTypes.get(column);
            if (parameters.containsKey(column)) {
                throw new IllegalArgumentException(column + " is both a column and a parameter");
            }
            if (type == null) {
                source.addValue(column, value);
            } else {
                source.addValue(column, value, type);
            }
        });
        return source;
    }

    /**
     * A column or parameter name: written by code, never taken from input, and checked to be a plain
     * name, {@code [a-z][a-z0-9_]*}. Checked by hand rather than by a pattern: a rebuild checks
     * several names per event.
     */
    static String name(String name) {
        if (name == null || name.isEmpty() || !isLowerLetter(name.charAt(0))) {
            throw new IllegalArgumentException("not a column name: " + name);
        }
        for (int i = 1; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!isLowerLetter(c) && !(c >= '0' && c <= '9') && c != '_') {
                throw new IllegalArgumentException("not a column name: " + name);
            }
        }
        return name;
    }

    private static boolean isLowerLetter(char c) {
        return c >= 'a' && c <= 'z';
    }

    private static Object bindable(Object value) {
        if (value instanceof Instant instant) {
            return Timestamp.from(instant);
        }
        if (value instanceof OffsetDateTime time) {
            return Timestamp.from(time.toInstant());
        }
        if (value instanceof LocalDate date) {
            return java.sql.Date.valueOf(date);
        }
        if (value instanceof Enum<?> constant) {
            return constant.name();
        }
        return value;
    }
}
