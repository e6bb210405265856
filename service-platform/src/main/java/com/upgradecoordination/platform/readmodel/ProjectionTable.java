package com.upgradecoordination.platform.readmodel;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;

/**
 * A read-model table with one row per aggregate, as a projection keeps it: the row's id, its
 * version (the sequence number of the aggregate's last event applied to it) and its update time
 * (that event's time) are written here, for every projection alike. An event applies only to a
 * row older than itself, so an event handled again (a replay over kept rows, a redelivery)
 * changes nothing.
 */
public final class ProjectionTable {

    private final NamedParameterJdbcOperations jdbc;
    private final String table;
    private final String idColumn;
    private final String versionColumn;
    private final String updatedAtColumn;

    /** A table whose version and update-time columns are {@code version} and {@code updated_at}. */
    public ProjectionTable(NamedParameterJdbcOperations jdbc, String table, String idColumn) {
        this(jdbc, table, idColumn, "version", "updated_at");
    }

    public ProjectionTable(NamedParameterJdbcOperations jdbc, String table, String idColumn, String versionColumn,
                           String updatedAtColumn) {
        this.jdbc = jdbc;
        this.table = Columns.name(table);
        this.idColumn = Columns.name(idColumn);
        this.versionColumn = Columns.name(versionColumn);
        this.updatedAtColumn = Columns.name(updatedAtColumn);
    }

    /** The version guard, for writers that hold rows in memory: only an event newer than the row applies to it. */
    public static boolean applies(long eventVersion, long rowVersion) {
        return eventVersion > rowVersion;
    }

    /**
     * Inserts the row the aggregate's first event makes; a row already there stays as it is (the
     * event was handled before).
     *
     * @return whether it inserted
     */
    public boolean insert(String id, long version, Instant at, Columns columns) {
        if (columns.hasComputed()) {
            throw new IllegalArgumentException("a new row of " + table + " has no stored values to compute from");
        }
        List<String> names = new ArrayList<>(List.of(idColumn));
        names.addAll(unstamped(columns));
        names.addAll(List.of(versionColumn, updatedAtColumn));
        return jdbc.update(insertSql(names), parameters(id, version, at, columns)) == 1;
    }

    /**
     * Writes the columns to the aggregate's row and moves it to the event's version and time,
     * unless the row is at that version or newer.
     *
     * @return whether the event applied; false too when there is no row
     */
    public boolean update(String id, long version, Instant at, Columns columns) {
        unstamped(columns);
        return jdbc.update(updateSql(columns), parameters(id, version, at, columns)) == 1;
    }

    /** Empties the table before a replay rebuilds it. */
    public void deleteAll() {
        jdbc.update("DELETE FROM " + table, Map.of());
    }

    /**
     * Inserts rows with one JDBC batch, as {@link #insert} would one by one; the rows hold the same
     * columns, their id, version and update time included.
     */
    public void insertAll(List<Columns> rows) {
        if (!rows.isEmpty()) {
            batch(insertSql(wholeRows(rows)), rows);
        }
    }

    /**
     * Updates rows with one JDBC batch, each under the version guard of {@link #update}; the rows
     * hold the same columns, their id, version and update time included.
     */
    public void updateAll(List<Columns> rows) {
        if (!rows.isEmpty()) {
            wholeRows(rows);
            batch(updateSql(rows.get(0)), rows);
        }
    }

    /** The event's columns, which must leave the id, version and update time to this table. */
    private Set<String> unstamped(Columns columns) {
        for (String stamp : stamps()) {
            if (columns.has(stamp)) {
                throw new IllegalArgumentException(stamp + " of " + table + " is written by its ProjectionTable");
            }
        }
        return columns.names();
    }

    private Set<String> wholeRows(List<Columns> rows) {
        Set<String> names = rows.get(0).names();
        for (Columns row : rows) {
            if (!row.names().equals(names) || row.hasComputed() || !names.containsAll(stamps())) {
                throw new IllegalArgumentException("a batch of " + table + " writes whole rows of the same values, "
                        + String.join(", ", stamps()) + " included");
            }
        }
        return names;
    }

    private Set<String> stamps() {
        return Set.of(idColumn, versionColumn, updatedAtColumn);
    }

    private String insertSql(Iterable<String> names) {
        List<String> columns = new ArrayList<>();
        names.forEach(columns::add);
        return "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                + columns.stream().map(column -> ":" + column).collect(Collectors.joining(", "))
                + ") ON CONFLICT DO NOTHING";
    }

    private String updateSql(Columns columns) {
        String assignments = columns.assignments(stamps());
        return "UPDATE " + table + " SET " + (assignments.isEmpty() ? "" : assignments + ", ")
                + versionColumn + " = :" + versionColumn + ", " + updatedAtColumn + " = :" + updatedAtColumn
                + " WHERE " + idColumn + " = :" + idColumn + " AND " + versionColumn + " < :" + versionColumn;
    }

    private MapSqlParameterSource parameters(String id, long version, Instant at, Columns columns) {
        return columns.parameters()
                .addValue(idColumn, id)
                .addValue(versionColumn, version)
                .addValue(updatedAtColumn, Timestamp.from(at));
    }

    private void batch(String sql, List<Columns> rows) {
        jdbc.batchUpdate(sql, rows.stream().map(Columns::parameters).toArray(SqlParameterSource[]::new));
    }
}
