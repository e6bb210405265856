package com.upgradecoordination.coordination.readmodel;

import com.upgradecoordination.coordination.api.RevisionOutcome;
import com.upgradecoordination.coordination.domain.DeviationProcess;
import com.upgradecoordination.coordination.domain.DeviationProcess.Step;
import com.upgradecoordination.coordination.domain.EngagementProgress;
import com.upgradecoordination.platform.readmodel.Columns;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One row of {@code engagement_summary}, whole: every column, null where unset, with its SQL type
 * (a JDBC batch binds nulls by type). Values are held as they bind ({@link Columns}), so a row read
 * from PostgreSQL or H2 (D7) and a row events changed hold times and dates in the same classes.
 */
final class EngagementRow {

    /** The columns of {@code engagement_summary} and their SQL types. */
    private static final Map<String, Integer> COLUMNS = columns(
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

    private final Columns values = Columns.of();

    private EngagementRow() {
        COLUMNS.forEach((column, type) -> values.set(column, null, type));
    }

    /** A new engagement's row: its flags false, everything else for its first event to set. */
    static EngagementRow opened(String engagementId) {
        return new EngagementRow().set("engagement_id", engagementId).set("timeline_risk", false)
                .set("returned_to_planning", false).set("migration_started", false).set("migration_completed", false);
    }

    /** A stored row, as a query hands it back (column names in any case). */
    static EngagementRow of(Map<String, Object> stored) {
        EngagementRow row = new EngagementRow();
        stored.forEach((column, value) -> row.set(column.toLowerCase(Locale.ROOT), value));
        return row;
    }

    EngagementRow set(String column, Object value) {
        Integer type = COLUMNS.get(column);
        if (type == null) {
            throw new IllegalArgumentException("engagement_summary has no column " + column);
        }
        values.set(column, value, type);
        return this;
    }

    /** Sets every column an event writes; its values as they bind are this row's values. */
    EngagementRow setAll(Columns columns) {
        columns.forEachValue(this::set);
        return this;
    }

    /** Every column, for a batch of whole rows ({@link com.upgradecoordination.platform.readmodel.ProjectionTable#insertAll}). */
    Columns columns() {
        return values;
    }

    long version() {
        return ((Number) values.get("version")).longValue();
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

    EngagementSummary summary() {
        return new EngagementSummary(string("engagement_id"), string("customer_organisation"), string("csm"),
                string("status"), string("current_step"), string("reference_size"), integer("expected_users"),
                date("target_completion_date"), intOrZero("latest_plan_version"), bool("latest_plan_conforms"),
                intOrZero("deviation_count"), integer("justified_plan_version"), string("support_review_id"),
                string("support_review_status"), string("support_review_verdict"), string("performance_verdict"),
                integer("deviation_accepted_plan_version"), version(), instant("updated_at"));
    }

    /**
     * Where the engagement stands, as the domain decides it from the row's facts and the deviation
     * steps done on its latest plan (step name -> record).
     */
    EngagementProgress progress(Map<String, DeviationStepDone> stepsDone) {
        int planVersion = intOrZero("latest_plan_version");
        Boolean conforms = bool("latest_plan_conforms");
        Integer accepted = integer("deviation_accepted_plan_version");
        String revisionOutcome = string("revision_outcome");
        DeviationProcess process = DeviationProcess.startingOn(planVersion);
        if (revisionOutcome != null) {
            process = process.withRevisionDiscussed(RevisionOutcome.valueOf(revisionOutcome), planVersion);
        }
        for (String step : stepsDone.keySet()) {
            process = process.with(Step.valueOf(step), planVersion);
        }
        return new EngagementProgress(integer("expected_users") != null,
                conforms == null ? null : !conforms, process,
                "REQUESTED".equals(string("support_review_status")),
                isTrue("returned_to_planning"), accepted != null && accepted == planVersion,
                isTrue("migration_started"), isTrue("migration_completed"),
                string("closing_outcome") != null);
    }

    private static Map<String, Integer> columns(Object... namesAndTypes) {
        Map<String, Integer> columns = new LinkedHashMap<>();
        for (int i = 0; i < namesAndTypes.length; i += 2) {
            columns.put((String) namesAndTypes[i], (Integer) namesAndTypes[i + 1]);
        }
        return Collections.unmodifiableMap(columns);
    }
}
