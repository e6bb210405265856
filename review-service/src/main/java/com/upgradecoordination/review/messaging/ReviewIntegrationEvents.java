package com.upgradecoordination.review.messaging;

import com.upgradecoordination.events.review.PlanReviewCompleted;
import com.upgradecoordination.events.review.PlanReviewOpened;
import com.upgradecoordination.events.review.SupportReviewCompleted;
import com.upgradecoordination.events.review.SupportReviewOpened;
import com.upgradecoordination.platform.relay.IntegrationEventTranslator;
import com.upgradecoordination.platform.relay.OutboundIntegrationEvent;
import com.upgradecoordination.review.api.PlanFeedback;
import com.upgradecoordination.review.api.PlanReviewCompletedEvent;
import com.upgradecoordination.review.api.PlanReviewOpenedEvent;
import com.upgradecoordination.review.api.SupportReviewCompletedEvent;
import com.upgradecoordination.review.api.SupportReviewOpenedEvent;
import com.upgradecoordination.review.api.TicketEvent;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Which domain events of review-service are published, as which contract, and under which case.
 * Each published event names its own case id: for reviews the engagement id; for tickets the
 * engagement id, or the ticket itself when it has none ({@link TicketIntegrationEvents}). Every
 * other event stays inside the service.
 */
@Component
public class ReviewIntegrationEvents implements IntegrationEventTranslator {

    @Override
    public Optional<OutboundIntegrationEvent> translate(Object domainEvent) {
        if (domainEvent instanceof TicketEvent ticketEvent) {
            return Optional.ofNullable(TicketIntegrationEvents.contractOf(ticketEvent))
                    .map(payload -> new OutboundIntegrationEvent(ticketEvent.caseId(), payload));
        }
        if (domainEvent instanceof SupportReviewOpenedEvent e) {
            return published(e.engagementId(), new SupportReviewOpened(e.reviewId(), e.engagementId(), e.planVersion()));
        }
        if (domainEvent instanceof SupportReviewCompletedEvent e) {
            return published(e.engagementId(), new SupportReviewCompleted(e.reviewId(), e.engagementId(),
                    e.planVersion(), e.verdict().name(), e.recommendations(), e.reviewer(), e.reviewerLevel()));
        }
        if (domainEvent instanceof PlanReviewOpenedEvent e) {
            return published(e.engagementId(), new PlanReviewOpened(e.planReviewId(), e.engagementId(),
                    e.planVersion()));
        }
        if (domainEvent instanceof PlanReviewCompletedEvent e) {
            return published(e.engagementId(), new PlanReviewCompleted(e.planReviewId(), e.engagementId(),
                    e.planVersion(), feedbackLines(e.feedback()), e.summary(), e.reviewer(), e.reviewerRole()));
        }
        return Optional.empty();
    }

    private static Optional<OutboundIntegrationEvent> published(String caseId, Record contract) {
        return Optional.of(new OutboundIntegrationEvent(caseId, contract));
    }

    /** The contract carries each item as one line, its topic first: "ROLLBACK_PLAN: Take a backup first". */
    static List<String> feedbackLines(List<PlanFeedback> feedback) {
        return feedback.stream().map(item -> item.topic().name() + ": " + item.text()).toList();
    }
}
