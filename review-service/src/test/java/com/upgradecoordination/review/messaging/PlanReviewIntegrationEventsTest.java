package com.upgradecoordination.review.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.upgradecoordination.events.IntegrationEventCatalog;
import com.upgradecoordination.events.Topics;
import com.upgradecoordination.events.review.PlanReviewCompleted;
import com.upgradecoordination.events.review.PlanReviewOpened;
import com.upgradecoordination.platform.relay.OutboundIntegrationEvent;
import com.upgradecoordination.review.api.PlanFeedback;
import com.upgradecoordination.review.api.PlanFeedbackTopic;
import com.upgradecoordination.review.api.PlanReviewAssignedEvent;
import com.upgradecoordination.review.api.PlanReviewCompletedEvent;
import com.upgradecoordination.review.api.PlanReviewFeedbackGivenEvent;
import com.upgradecoordination.review.api.PlanReviewOpenedEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The plan-review part of {@link ReviewIntegrationEvents}. */
class PlanReviewIntegrationEventsTest {

    final ReviewIntegrationEvents translator = new ReviewIntegrationEvents();

    @Test
    void publishesAnOpenedPlanReviewUnderItsCase() {
        OutboundIntegrationEvent outbound = translator.translate(new PlanReviewOpenedEvent("plan-review-1",
                "engagement-1", 3, "Acme Corp", "casey.csm", "3k", null, true, List.of())).orElseThrow();
        assertThat(outbound.caseId()).isEqualTo("engagement-1");
        assertThat(outbound.payload()).isEqualTo(new PlanReviewOpened("plan-review-1", "engagement-1", 3));
        assertThat(IntegrationEventCatalog.contractOf(outbound.payload().getClass()).topic()).isEqualTo(Topics.REVIEW);
    }

    @Test
    void publishesACompletedPlanReviewWithEveryFeedbackItemInOrderAndTheReviewer() {
        OutboundIntegrationEvent outbound = translator.translate(new PlanReviewCompletedEvent("plan-review-1",
                "engagement-1", 3, List.of(
                        new PlanFeedback(PlanFeedbackTopic.ROLLBACK_PLAN, "Take a backup first"),
                        new PlanFeedback(PlanFeedbackTopic.ARCHITECTURE, "Gitaly needs three nodes")),
                "Fine with the two changes", "sue.engineer", "SUPPORT_ENGINEER")).orElseThrow();
        assertThat(outbound.caseId()).isEqualTo("engagement-1");
        assertThat(outbound.payload()).isEqualTo(new PlanReviewCompleted("plan-review-1", "engagement-1", 3,
                List.of("ROLLBACK_PLAN: Take a backup first", "ARCHITECTURE: Gitaly needs three nodes"),
                "Fine with the two changes", "sue.engineer", "SUPPORT_ENGINEER"));
        assertThat(IntegrationEventCatalog.contractOf(outbound.payload().getClass()).topic()).isEqualTo(Topics.REVIEW);
    }

    @Test
    void keepsAssignmentAndSingleFeedbackItemsInside() {
        assertThat(translator.translate(new PlanReviewAssignedEvent("plan-review-1", "engagement-1",
                "sue.engineer", "SUPPORT_ENGINEER"))).isEmpty();
        assertThat(translator.translate(new PlanReviewFeedbackGivenEvent("plan-review-1", "engagement-1",
                PlanFeedbackTopic.OTHER, "Looks fine"))).isEmpty();
    }
}
