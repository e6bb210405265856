package com.upgradecoordination.review.readmodel;

import com.upgradecoordination.review.api.PlanFeedbackTopic;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads {@code plan_review_summary} and {@code plan_review_feedback}, as
 * {@link PlanReviewSummaryUpdater} keeps them.
 */
@Component
public class PlanReviewSummaryProjection {

    /** A page holds this many reviews unless the caller asks for fewer or more. */
    public static final int DEFAULT_PAGE_SIZE = 20;
    /** The most a page holds. */
    public static final int MAX_PAGE_SIZE = 100;

    private static final String COLUMNS = """
            plan_review_id, engagement_id, plan_version, customer_organisation, csm, reference_size,
            plan_document_url, conforms, deviation_count, status, assignee, summary, reviewer, reviewer_role,
            opened_at, completed_at, version, updated_at""";

    private final JdbcClient jdbc;

    public PlanReviewSummaryProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<PlanReviewSummary> find(String planReviewId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM plan_review_summary WHERE plan_review_id = :id")
                .param("id", planReviewId)
                .query((rs, row) -> rowOf(rs))
                .optional()
                .map(row -> withFeedback(row, feedbackOf(List.of(planReviewId)).getOrDefault(planReviewId, List.of())));
    }

    /**
     * Reviews in the order they opened, oldest first; {@code status} and {@code engagementId} filter
     * when given.
     *
     * @param page from 0
     * @param size 1 to {@link #MAX_PAGE_SIZE}
     */
    public PlanReviewPage page(PlanReviewStatus status, String engagementId, int page, int size) {
        if (page < 0) {
            throw new IllegalArgumentException("page: 0 or more");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("size: 1 to " + MAX_PAGE_SIZE);
        }
        List<String> conditions = new ArrayList<>();
        Map<String, Object> params = new LinkedHashMap<>();
        if (status != null) {
            conditions.add("status = :status");
            params.put("status", status.name());
        }
        if (engagementId != null) {
            conditions.add("engagement_id = :engagementId");
            params.put("engagementId", engagementId);
        }
        String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        long total = jdbc.sql("SELECT COUNT(*) FROM plan_review_summary" + where)
                .params(params)
                .query(Long.class)
                .single();
        List<PlanReviewSummary> rows = jdbc.sql("SELECT " + COLUMNS + " FROM plan_review_summary" + where
                        + " ORDER BY opened_at, plan_review_id LIMIT :limit OFFSET :offset")
                .params(params)
                .param("limit", size)
                .param("offset", (long) page * size)
                .query((rs, row) -> rowOf(rs))
                .list();
        Map<String, List<PlanReviewFeedbackEntry>> feedback =
                rows.isEmpty() ? Map.of() : feedbackOf(rows.stream().map(PlanReviewSummary::planReviewId).toList());
        List<PlanReviewSummary> items = rows.stream()
                .map(row -> withFeedback(row, feedback.getOrDefault(row.planReviewId(), List.of())))
                .toList();
        return new PlanReviewPage(items, page, size, total);
    }

    /** The feedback of each of the reviews, in the order it was given. */
    private Map<String, List<PlanReviewFeedbackEntry>> feedbackOf(List<String> planReviewIds) {
        Map<String, List<PlanReviewFeedbackEntry>> byReview = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT plan_review_id, topic, text, given_by, given_by_role, given_at
                        FROM plan_review_feedback WHERE plan_review_id IN (:ids)
                        ORDER BY plan_review_id, sequence""")
                .param("ids", planReviewIds)
                .query(rs -> {
                    byReview.computeIfAbsent(rs.getString("plan_review_id"), id -> new ArrayList<>())
                            .add(new PlanReviewFeedbackEntry(
                                    PlanFeedbackTopic.valueOf(rs.getString("topic")),
                                    rs.getString("text"),
                                    rs.getString("given_by"),
                                    rs.getString("given_by_role"),
                                    rs.getTimestamp("given_at").toInstant()));
                });
        return byReview;
    }

    /** The summary with its feedback items attached. */
    private static PlanReviewSummary withFeedback(PlanReviewSummary s, List<PlanReviewFeedbackEntry> feedback) {
        return new PlanReviewSummary(s.planReviewId(), s.engagementId(), s.planVersion(), s.customerOrganisation(),
                s.csm(), s.referenceSize(), s.planDocumentUrl(), s.conforms(), s.deviationCount(), s.status(),
                s.assignee(), feedback, s.summary(), s.reviewer(), s.reviewerRole(), s.openedAt(), s.completedAt(),
                s.version(), s.updatedAt());
    }

    /** A summary row, without its feedback items (they are read in one query per request). */
    private static PlanReviewSummary rowOf(ResultSet rs) throws SQLException {
        Timestamp completedAt = rs.getTimestamp("completed_at");
        return new PlanReviewSummary(
                rs.getString("plan_review_id"),
                rs.getString("engagement_id"),
                rs.getInt("plan_version"),
                rs.getString("customer_organisation"),
                rs.getString("csm"),
                rs.getString("reference_size"),
                rs.getString("plan_document_url"),
                rs.getBoolean("conforms"),
                rs.getInt("deviation_count"),
                PlanReviewStatus.valueOf(rs.getString("status")),
                rs.getString("assignee"),
                List.of(),
                rs.getString("summary"),
                rs.getString("reviewer"),
                rs.getString("reviewer_role"),
                rs.getTimestamp("opened_at").toInstant(),
                completedAt == null ? null : completedAt.toInstant(),
                rs.getLong("version"),
                rs.getTimestamp("updated_at").toInstant());
    }
}
