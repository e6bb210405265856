package com.upgradecoordination.coordination.readmodel;

import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;

/**
 * The engagement read model's rows as one batch of events (one unit of work of the
 * engagement-summary processor) changes them: the rows of every engagement in the batch are read
 * with one query when the first event needs one, every event changes them in memory, and each
 * table is written with one JDBC batch when the unit of work commits, in its transaction with the
 * processor's token. A rebuild thus costs a few statements per batch instead of several per event.
 */
final class EngagementRows {

    /** The columns of {@code engagement_summary} and their SQL types (a batch binds nulls by type). */
    static final Map<String, Integer> SUMMARY_COLUMNS = columns(
            "engagement_id", Types.VARCHAR, "customer_organisation", Types.VARCHAR, "csm", Types.VARCHAR,
            "status", Types.VARCHAR, "current_step", Types.VARCHAR, "reference_size", Types.VARCHAR,
            "expected_users", Types.INTEGER, "target_completion_date", Types.DATE,
            "latest_plan_version", Types.INTEGER, "latest_plan_conforms", Types.BOOLEAN,
            "deviation_count", Types.INTEGER, "justified_plan_version", Types.INTEGER,
            "support_review_id", Types.VARCHAR, "support_review_status", Types.VARCHAR,
            "support_review_verdict", Types.VARCHAR, "performance_verdict", Types.VARCHAR,
            "deviation_accepted_plan_version", Types.INTEGER, "version", Types.BIGINT,
            "updated_at", Types.TIMESTAMP, "opened_at", Types.TIMESTAMP,
            "deployment_type", Types.VARCHAR, "professional_services_strength", Types.VARCHAR,
            "professional_services_decision", Types.VARCHAR, "professional_services_decline_reason", Types.VARCHAR,
            "timeline_risk", Types.BOOLEAN, "latest_plan", Types.VARCHAR, "revision_outcome", Types.VARCHAR,
            "returned_to_planning", Types.BOOLEAN, "migration_started", Types.BOOLEAN,
            "migration_completed", Types.BOOLEAN, "closing_outcome", Types.VARCHAR,
            "performance_comparison", Types.VARCHAR);

    private static final String INSERT_SUMMARY = "INSERT INTO engagement_summary ("
            + String.join(", ", SUMMARY_COLUMNS.keySet()) + ") VALUES ("
            + SUMMARY_COLUMNS.keySet().stream().map(column -> ":" + column).collect(Collectors.joining(", ")) + ")";
    private static final String UPDATE_SUMMARY = "UPDATE engagement_summary SET "
            + SUMMARY_COLUMNS.keySet().stream().filter(column -> !column.equals("engagement_id"))
            .map(column -> column + " = :" + column).collect(Collectors.joining(", "))
            + " WHERE engagement_id = :engagement_id";

    /** One row of {@code engagement_summary}, by column name; times as {@link Timestamp}, dates as {@link java.sql.Date}. */
    static final class Row {
        private final Map<String, Object> values = new HashMap<>();

        static Row of(Map<String, Object> columns) {
            Row row = new Row();
            columns.forEach((column, value) -> row.set(column.toLowerCase(Locale.ROOT), value));
            return row;
        }

        Row set(String column, Object value) {
            if (!SUMMARY_COLUMNS.containsKey(column)) {
                throw new IllegalArgumentException("engagement_summary has no column " + column);
            }
            values.put(column, normalized(value));
            return this;
        }

        String string(String column) {
            return (String) values.get(column);
        }

        Integer integer(String column) {
            Object value = values.get(column);
            return value == null ? null : ((Number) value).intValue();
        }

        int intOrZero(String column) {
            Integer value = integer(column);
            return value == null ? 0 : value;
        }

        long longValue(String column) {
            return ((Number) values.get(column)).longValue();
        }

        Boolean bool(String column) {
            return (Boolean) values.get(column);
        }

        boolean isTrue(String column) {
            return Boolean.TRUE.equals(values.get(column));
        }

        Instant instant(String column) {
            Timestamp value = (Timestamp) values.get(column);
            return value == null ? null : value.toInstant();
        }

        LocalDate date(String column) {
            java.sql.Date value = (java.sql.Date) values.get(column);
            return value == null ? null : value.toLocalDate();
        }

        private SqlParameterSource parameters() {
            MapSqlParameterSource parameters = new MapSqlParameterSource();
            SUMMARY_COLUMNS.forEach((column, type) -> parameters.addValue(column, values.get(column), type));
            return parameters;
        }

        /** PostgreSQL and H2 (D7) hand back times and dates in different classes; a row holds one of each. */
        private static Object normalized(Object value) {
            if (value instanceof Instant instant) {
                return Timestamp.from(instant);
            }
            if (value instanceof OffsetDateTime time) {
                return Timestamp.from(time.toInstant());
            }
            if (value instanceof LocalDate date) {
                return java.sql.Date.valueOf(date);
            }
            return value;
        }
    }

    /** A deviation step done on a plan version (a row of {@code engagement_deviation_step}). */
    record StepDone(String engagementId, int planVersion, String step, Instant at, String by) {

        private StepKey key() {
            return new StepKey(engagementId, planVersion, step);
        }
    }

    private record StepKey(String engagementId, int planVersion, String step) {
    }

    private static final String RESOURCE = EngagementRows.class.getName();

    private final NamedParameterJdbcTemplate jdbc;
    private final Map<String, Row> rows = new HashMap<>();
    private final Set<String> loaded = new LinkedHashSet<>();
    private final Set<String> inserted = new LinkedHashSet<>();
    private final Set<String> changed = new LinkedHashSet<>();
    private final Map<StepKey, StepDone> steps = new LinkedHashMap<>();
    private final Set<StepKey> stepsChanged = new LinkedHashSet<>();

    private EngagementRows(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The rows of the current unit of work, written when it commits. */
    static EngagementRows ofCurrentBatch(NamedParameterJdbcTemplate jdbc) {
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        return unitOfWork.getOrComputeResource(RESOURCE, key -> {
            EngagementRows batch = new EngagementRows(jdbc);
            unitOfWork.onPrepareCommit(committing -> batch.write());
            return batch;
        });
    }

    /** A new engagement's row: written with an insert, or over the stored one if there is one. */
    Row open(String engagementId) {
        load(engagementId);
        Row row = new Row().set("engagement_id", engagementId).set("timeline_risk", false)
                .set("returned_to_planning", false).set("migration_started", false).set("migration_completed", false);
        if (rows.put(engagementId, row) == null) {
            inserted.add(engagementId);
        } else {
            changed(engagementId);
        }
        return row;
    }

    /** The engagement's row as this batch has it so far, empty if it was never opened. */
    Optional<Row> row(String engagementId) {
        load(engagementId);
        return Optional.ofNullable(rows.get(engagementId));
    }

    void changed(String engagementId) {
        if (!inserted.contains(engagementId)) {
            changed.add(engagementId);
        }
    }

    /** Step name -> when and by whom, of the steps done on the plan version. */
    Map<String, StepDone> stepsDone(String engagementId, int planVersion) {
        load(engagementId);
        Map<String, StepDone> done = new LinkedHashMap<>();
        steps.values().stream()
                .filter(step -> step.engagementId().equals(engagementId) && step.planVersion() == planVersion)
                .forEach(step -> done.put(step.step(), step));
        return done;
    }

    /** A step done again replaces the earlier record. */
    void stepDone(StepDone step) {
        load(step.engagementId());
        steps.put(step.key(), step);
        stepsChanged.add(step.key());
    }

    /**
     * Reads the rows, and their steps, of the engagements this batch has events of and not yet read:
     * all of them at the first event, from the batch's messages' aggregate ids.
     */
    private void load(String engagementId) {
        if (loaded.contains(engagementId)) {
            return;
        }
        Set<String> ids = new LinkedHashSet<>();
        ids.add(engagementId);
        if (CurrentUnitOfWork.isStarted() && CurrentUnitOfWork.get().root() instanceof BatchingUnitOfWork<?> batch) {
            for (Message<?> message : batch.getMessages()) {
                if (message instanceof DomainEventMessage<?> event && "Engagement".equals(event.getType())) {
                    ids.add(event.getAggregateIdentifier());
                }
            }
        }
        ids.removeAll(loaded);
        Map<String, Object> parameters = Map.of("ids", ids);
        jdbc.queryForList("SELECT * FROM engagement_summary WHERE engagement_id IN (:ids)", parameters)
                .forEach(columns -> {
                    Row row = Row.of(columns);
                    rows.put(row.string("engagement_id"), row);
                });
        jdbc.query("SELECT engagement_id, plan_version, step, done_at, done_by FROM engagement_deviation_step "
                + "WHERE engagement_id IN (:ids)", parameters, result -> {
            StepDone step = new StepDone(result.getString("engagement_id"), result.getInt("plan_version"),
                    result.getString("step"), result.getTimestamp("done_at").toInstant(), result.getString("done_by"));
            steps.put(step.key(), step);
        });
        loaded.addAll(ids);
    }

    private void write() {
        batch(INSERT_SUMMARY, inserted.stream().map(id -> rows.get(id).parameters()).toList());
        batch(UPDATE_SUMMARY, changed.stream().map(id -> rows.get(id).parameters()).toList());
        Collection<StepDone> stepsToWrite = stepsChanged.stream().map(steps::get).toList();
        batch("DELETE FROM engagement_deviation_step WHERE engagement_id = :id AND plan_version = :planVersion "
                + "AND step = :step", stepsToWrite.stream().map(EngagementRows::stepParameters).toList());
        batch("INSERT INTO engagement_deviation_step (engagement_id, plan_version, step, done_at, done_by) "
                + "VALUES (:id, :planVersion, :step, :at, :by)",
                stepsToWrite.stream().map(EngagementRows::stepParameters).toList());
    }

    private void batch(String sql, List<SqlParameterSource> parameters) {
        if (!parameters.isEmpty()) {
            jdbc.batchUpdate(sql, parameters.toArray(SqlParameterSource[]::new));
        }
    }

    private static SqlParameterSource stepParameters(StepDone step) {
        return new MapSqlParameterSource()
                .addValue("id", step.engagementId(), Types.VARCHAR)
                .addValue("planVersion", step.planVersion(), Types.INTEGER)
                .addValue("step", step.step(), Types.VARCHAR)
                .addValue("at", Timestamp.from(step.at()), Types.TIMESTAMP)
                .addValue("by", step.by(), Types.VARCHAR);
    }

    private static Map<String, Integer> columns(Object... namesAndTypes) {
        Map<String, Integer> columns = new LinkedHashMap<>();
        for (int i = 0; i < namesAndTypes.length; i += 2) {
            columns.put((String) namesAndTypes[i], (Integer) namesAndTypes[i + 1]);
        }
        return Collections.unmodifiableMap(columns);
    }
}
