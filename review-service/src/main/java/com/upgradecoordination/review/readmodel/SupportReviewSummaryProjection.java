package com.upgradecoordination.review.readmodel;

import com.upgradecoordination.review.api.SupportReviewCompletedEvent;
import com.upgradecoordination.review.api.ReviewedPerformance;
import com.upgradecoordination.review.api.SupportReviewOpenedEvent;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Keeps {@code support_review_summary} in step with the event store; it can be dropped and replayed. */
@Component
@ProcessingGroup("support-review-summary")
public class SupportReviewSummaryProjection {

    /** The most a list answers with. */
    public static final int LIST_LIMIT = 100;

    private static final String COLUMNS = """
            review_id, engagement_id, plan_version, customer_organisation, csm, reference_size, deviation_count,
            status, verdict, reviewer, reviewer_level, opened_at, completed_at, version, updated_at, performance""";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    public SupportReviewSummaryProjection(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @EventHandler
    void on(SupportReviewOpenedEvent event, @SequenceNumber long sequence,
            @org.axonframework.eventhandling.Timestamp Instant at) {
        jdbc.sql("""
                        INSERT INTO support_review_summary (review_id, engagement_id, plan_version,
                            customer_organisation, csm, reference_size, deviation_count, status, opened_at,
                            version, updated_at, performance)
                        VALUES (:id, :engagementId, :planVersion, :customer, :csm, :size, :deviations, 'OPEN', :at,
                            :version, :at, :performance)""")
                .param("id", event.reviewId())
                .param("engagementId", event.engagementId())
                .param("planVersion", event.planVersion())
                .param("customer", event.customerOrganisation())
                .param("csm", event.csm())
                .param("size", event.referenceSize())
                .param("deviations", event.deviations().size())
                .param("performance", event.performance() == null ? null : json.writeValueAsString(event.performance()))
                .param("version", sequence)
                .param("at", Timestamp.from(at))
                .update();
    }

    @EventHandler
    void on(SupportReviewCompletedEvent event, @SequenceNumber long sequence,
            @org.axonframework.eventhandling.Timestamp Instant at) {
        jdbc.sql("""
                        UPDATE support_review_summary
                        SET status = 'COMPLETED', verdict = :verdict, reviewer = :reviewer,
                            reviewer_level = :level, completed_at = :at, version = :version, updated_at = :at
                        WHERE review_id = :id""")
                .param("id", event.reviewId())
                .param("verdict", event.verdict().name())
                .param("reviewer", event.reviewer())
                .param("level", event.reviewerLevel())
                .param("version", sequence)
                .param("at", Timestamp.from(at))
                .update();
    }

    @ResetHandler
    void dropAll() {
        jdbc.sql("DELETE FROM support_review_summary").update();
    }

    public Optional<SupportReviewSummary> find(String reviewId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM support_review_summary WHERE review_id = :id")
                .param("id", reviewId)
                .query((rs, row) -> summary(rs))
                .optional();
    }

    /** Reviews in the order they opened, oldest first; all statuses when {@code status} is null. */
    public List<SupportReviewSummary> list(SupportReviewStatus status) {
        if (status == null) {
            return jdbc.sql("SELECT " + COLUMNS + " FROM support_review_summary ORDER BY opened_at, review_id "
                            + "LIMIT " + LIST_LIMIT)
                    .query((rs, row) -> summary(rs))
                    .list();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM support_review_summary WHERE status = :status "
                        + "ORDER BY opened_at, review_id LIMIT " + LIST_LIMIT)
                .param("status", status.name())
                .query((rs, row) -> summary(rs))
                .list();
    }

    private SupportReviewSummary summary(ResultSet rs) throws SQLException {
        Timestamp completedAt = rs.getTimestamp("completed_at");
        String performance = rs.getString("performance");
        return new SupportReviewSummary(
                rs.getString("review_id"),
                rs.getString("engagement_id"),
                rs.getInt("plan_version"),
                rs.getString("customer_organisation"),
                rs.getString("csm"),
                rs.getString("reference_size"),
                rs.getInt("deviation_count"),
                performance == null ? null : json.readValue(performance, ReviewedPerformance.class),
                SupportReviewStatus.valueOf(rs.getString("status")),
                rs.getString("verdict"),
                rs.getString("reviewer"),
                rs.getString("reviewer_level"),
                rs.getTimestamp("opened_at").toInstant(),
                completedAt == null ? null : completedAt.toInstant(),
                rs.getLong("version"),
                rs.getTimestamp("updated_at").toInstant());
    }
}
