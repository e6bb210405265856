package com.upgradecoordination.review.readmodel;

import com.upgradecoordination.platform.axon.AuditMetadata;
import com.upgradecoordination.platform.readmodel.Columns;
import com.upgradecoordination.platform.readmodel.ProjectionTable;
import com.upgradecoordination.review.api.PlanReviewAssignedEvent;
import com.upgradecoordination.review.api.PlanReviewCompletedEvent;
import com.upgradecoordination.review.api.PlanReviewFeedbackGivenEvent;
import com.upgradecoordination.review.api.PlanReviewOpenedEvent;
import java.time.Instant;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code plan_review_summary} and {@code plan_review_feedback} in step with the event store;
 * both can be dropped and replayed. {@link PlanReviewSummaryProjection} reads them.
 */
@Component
@ProcessingGroup("plan-review-summary")
class PlanReviewSummaryUpdater {

    private final NamedParameterJdbcTemplate jdbc;
    private final ProjectionTable reviews;

    PlanReviewSummaryUpdater(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.reviews = new ProjectionTable(jdbc, "plan_review_summary", "plan_review_id");
    }

    @EventHandler
    void on(PlanReviewOpenedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        reviews.insert(event.planReviewId(), sequence, at, Columns.of("engagement_id", event.engagementId(),
                "plan_version", event.planVersion(), "customer_organisation", event.customerOrganisation(),
                "csm", event.csm(), "reference_size", event.referenceSize(),
                "plan_document_url", event.planDocumentUrl(), "conforms", event.conforms(),
                "deviation_count", event.deviations().size(), "status", "OPEN", "feedback_count", 0,
                "opened_at", at));
    }

    @EventHandler
    void on(PlanReviewAssignedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        reviews.update(event.planReviewId(), sequence, at, Columns.of("assignee", event.assignee()));
    }

    /** Who gave the item is the event's actor, from its audit metadata. */
    @EventHandler
    void on(PlanReviewFeedbackGivenEvent event, @SequenceNumber long sequence, @Timestamp Instant at,
            @MetaDataValue(AuditMetadata.ACTOR) String actor,
            @MetaDataValue(AuditMetadata.ACTOR_ROLE) String actorRole) {
        if (!reviews.update(event.planReviewId(), sequence, at,
                Columns.of().compute("feedback_count", "feedback_count + 1"))) {
            return;
        }
        jdbc.update("""
                        INSERT INTO plan_review_feedback (plan_review_id, sequence, topic, text, given_by,
                            given_by_role, given_at)
                        VALUES (:plan_review_id, :sequence, :topic, :text, :given_by, :given_by_role, :given_at)""",
                Columns.of("plan_review_id", event.planReviewId(), "sequence", sequence, "topic", event.topic(),
                        "text", event.text(), "given_by", actor == null ? "unknown" : actor,
                        "given_by_role", actorRole == null ? "unknown" : actorRole, "given_at", at).parameters());
    }

    @EventHandler
    void on(PlanReviewCompletedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        reviews.update(event.planReviewId(), sequence, at, Columns.of("status", "COMPLETED",
                "summary", event.summary(), "reviewer", event.reviewer(), "reviewer_role", event.reviewerRole(),
                "completed_at", at));
    }

    @ResetHandler
    void dropAll() {
        jdbc.update("DELETE FROM plan_review_feedback", Map.of());
        reviews.deleteAll();
    }
}
