package com.upgradecoordination.review.readmodel;

import com.upgradecoordination.review.api.ReviewedPerformance;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Reads {@code support_review_summary}, as {@link SupportReviewSummaryUpdater} keeps it. */
@Component
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
