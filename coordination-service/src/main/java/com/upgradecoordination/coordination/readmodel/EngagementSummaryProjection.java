package com.upgradecoordination.coordination.readmodel;

import com.upgradecoordination.coordination.api.ArchitectureConformsEvent;
import com.upgradecoordination.coordination.api.ArchitectureDeviationDetectedEvent;
import com.upgradecoordination.coordination.api.DeviationAcceptedEvent;
import com.upgradecoordination.coordination.api.EngagementClosedEvent;
import com.upgradecoordination.coordination.api.MigrationCompletedEvent;
import com.upgradecoordination.coordination.api.MigrationStartedEvent;
import com.upgradecoordination.coordination.api.DeviationJustifiedEvent;
import com.upgradecoordination.coordination.api.EngagementEvent;
import com.upgradecoordination.coordination.api.EngagementOpenedEvent;
import com.upgradecoordination.coordination.api.PerformanceComparedEvent;
import com.upgradecoordination.coordination.api.PlanSubmittedEvent;
import com.upgradecoordination.coordination.api.ReferenceArchitectureMatchedEvent;
import com.upgradecoordination.coordination.api.RequirementsRecordedEvent;
import com.upgradecoordination.coordination.api.ReturnedToPlanningEvent;
import com.upgradecoordination.coordination.api.SupportReviewOutcomeReceivedEvent;
import com.upgradecoordination.coordination.api.SupportReviewRequestedEvent;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Keeps {@code engagement_summary} in step with the event store; it can be dropped and replayed. */
@Component
@ProcessingGroup("engagement-summary")
public class EngagementSummaryProjection {

    private final JdbcClient jdbc;

    public EngagementSummaryProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(EngagementOpenedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        jdbc.sql("""
                        INSERT INTO engagement_summary (engagement_id, customer_organisation, csm, status,
                            latest_plan_version, deviation_count, version, updated_at)
                        VALUES (:id, :customer, :csm, 'OPENED', 0, 0, :version, :at)""")
                .param("id", event.engagementId())
                .param("customer", event.customerOrganisation())
                .param("csm", event.csm())
                .param("version", sequence)
                .param("at", java.sql.Timestamp.from(at))
                .update();
    }

    @EventHandler
    void on(RequirementsRecordedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event.engagementId(), sequence, at, "status = 'REQUIREMENTS_RECORDED', expected_users = :users",
                Map.of("users", event.expectedUsers()));
    }

    @EventHandler
    void on(ReferenceArchitectureMatchedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event.engagementId(), sequence, at, "reference_size = :size", Map.of("size", event.size()));
    }

    @EventHandler
    void on(PlanSubmittedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event.engagementId(), sequence, at,
                "status = 'PLAN_SUBMITTED', latest_plan_version = :planVersion, latest_plan_conforms = NULL, "
                        + "deviation_count = 0, performance_verdict = NULL",
                Map.of("planVersion", event.planVersion()));
    }

    @EventHandler
    void on(ArchitectureConformsEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event.engagementId(), sequence, at, "status = 'PLAN_CONFORMS', latest_plan_conforms = TRUE", Map.of());
    }

    @EventHandler
    void on(ArchitectureDeviationDetectedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event.engagementId(), sequence, at,
                "status = 'PLAN_DEVIATES', latest_plan_conforms = FALSE, deviation_count = :count",
                Map.of("count", event.deviations().size()));
    }

    @EventHandler
    void on(DeviationJustifiedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event.engagementId(), sequence, at,
                "status = 'DEVIATION_JUSTIFIED', justified_plan_version = :planVersion",
                Map.of("planVersion", event.planVersion()));
    }

    @EventHandler
    void on(SupportReviewRequestedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event.engagementId(), sequence, at,
                "status = 'SUPPORT_REVIEW_REQUESTED', support_review_id = :reviewId, "
                        + "support_review_status = 'REQUESTED', support_review_verdict = NULL",
                Map.of("reviewId", event.reviewId()));
    }

    @EventHandler
    void on(SupportReviewOutcomeReceivedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event.engagementId(), sequence, at,
                "status = 'SUPPORT_REVIEW_COMPLETED', support_review_status = 'COMPLETED', "
                        + "support_review_verdict = :verdict",
                Map.of("verdict", event.verdict().name()));
    }

    @EventHandler
    void on(PerformanceComparedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event.engagementId(), sequence, at, "performance_verdict = :verdict", Map.of("verdict", event.verdict()));
    }

    @EventHandler
    void on(DeviationAcceptedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event.engagementId(), sequence, at,
                "status = 'DEVIATION_ACCEPTED', deviation_accepted_plan_version = :planVersion",
                Map.of("planVersion", event.planVersion()));
    }

    @EventHandler
    void on(ReturnedToPlanningEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event.engagementId(), sequence, at, "status = 'RETURNED_TO_PLANNING'", Map.of());
    }

    @EventHandler
    void on(MigrationStartedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event.engagementId(), sequence, at, "status = 'MIGRATING'", Map.of());
    }

    @EventHandler
    void on(MigrationCompletedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event.engagementId(), sequence, at, "status = 'MIGRATED'", Map.of());
    }

    @EventHandler
    void on(EngagementClosedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event.engagementId(), sequence, at, "status = :status",
                Map.of("status", "CLOSED_" + event.outcome().name()));
    }

    /** The other steps of the deviation process change nothing shown here; they still move the version. */
    @EventHandler
    void on(EngagementEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event.engagementId(), sequence, at, "", Map.of());
    }

    @ResetHandler
    void dropAll() {
        jdbc.sql("DELETE FROM engagement_summary").update();
    }

    public Optional<EngagementSummary> find(String engagementId) {
        return jdbc.sql("""
                        SELECT engagement_id, customer_organisation, csm, status, reference_size, expected_users,
                               latest_plan_version, latest_plan_conforms, deviation_count, justified_plan_version,
                               support_review_id, support_review_status, support_review_verdict,
                               performance_verdict, deviation_accepted_plan_version, version, updated_at
                        FROM engagement_summary WHERE engagement_id = :id""")
                .param("id", engagementId)
                .query((rs, row) -> new EngagementSummary(
                        rs.getString("engagement_id"),
                        rs.getString("customer_organisation"),
                        rs.getString("csm"),
                        rs.getString("status"),
                        rs.getString("reference_size"),
                        rs.getObject("expected_users", Integer.class),
                        rs.getInt("latest_plan_version"),
                        rs.getObject("latest_plan_conforms", Boolean.class),
                        rs.getInt("deviation_count"),
                        rs.getObject("justified_plan_version", Integer.class),
                        rs.getString("support_review_id"),
                        rs.getString("support_review_status"),
                        rs.getString("support_review_verdict"),
                        rs.getString("performance_verdict"),
                        rs.getObject("deviation_accepted_plan_version", Integer.class),
                        rs.getLong("version"),
                        rs.getTimestamp("updated_at").toInstant()))
                .optional();
    }

    private void update(String engagementId, long sequence, Instant at, String assignments, Map<String, Object> values) {
        String set = assignments.isEmpty() ? "" : assignments + ", ";
        var statement = jdbc.sql("UPDATE engagement_summary SET " + set
                        + "version = :version, updated_at = :at WHERE engagement_id = :id")
                .param("id", engagementId)
                .param("version", sequence)
                .param("at", java.sql.Timestamp.from(at));
        for (Map.Entry<String, Object> value : values.entrySet()) {
            statement = statement.param(value.getKey(), value.getValue());
        }
        statement.update();
    }
}
