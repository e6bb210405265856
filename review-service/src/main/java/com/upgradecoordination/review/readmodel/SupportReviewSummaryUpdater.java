package com.upgradecoordination.review.readmodel;

import com.upgradecoordination.platform.readmodel.Columns;
import com.upgradecoordination.platform.readmodel.ProjectionTable;
import com.upgradecoordination.review.api.SupportReviewCompletedEvent;
import com.upgradecoordination.review.api.SupportReviewOpenedEvent;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps {@code support_review_summary} in step with the event store; it can be dropped and
 * replayed. {@link SupportReviewSummaryProjection} reads it.
 */
@Component
@ProcessingGroup("support-review-summary")
class SupportReviewSummaryUpdater {

    private final ProjectionTable reviews;
    private final JsonMapper json;

    SupportReviewSummaryUpdater(NamedParameterJdbcTemplate jdbc, JsonMapper json) {
        this.reviews = new ProjectionTable(jdbc, "support_review_summary", "review_id");
        this.json = json;
    }

    @EventHandler
    void on(SupportReviewOpenedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        reviews.insert(event.reviewId(), sequence, at, Columns.of("engagement_id", event.engagementId(),
                "plan_version", event.planVersion(), "customer_organisation", event.customerOrganisation(),
                "csm", event.csm(), "reference_size", event.referenceSize(),
                "deviation_count", event.deviations().size(), "status", "OPEN", "opened_at", at,
                "performance", event.performance() == null ? null : json.writeValueAsString(event.performance())));
    }

    @EventHandler
    void on(SupportReviewCompletedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        reviews.update(event.reviewId(), sequence, at, Columns.of("status", "COMPLETED",
                "verdict", event.verdict(), "reviewer", event.reviewer(), "reviewer_level", event.reviewerRole(),
                "completed_at", at));
    }

    @ResetHandler
    void dropAll() {
        reviews.deleteAll();
    }
}
