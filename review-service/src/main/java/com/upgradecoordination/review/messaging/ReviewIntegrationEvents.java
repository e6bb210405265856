package com.upgradecoordination.review.messaging;

import com.upgradecoordination.events.review.SupportReviewCompleted;
import com.upgradecoordination.events.review.SupportReviewOpened;
import com.upgradecoordination.platform.relay.IntegrationEventTranslator;
import com.upgradecoordination.platform.relay.OutboundIntegrationEvent;
import com.upgradecoordination.review.api.SupportReviewCompletedEvent;
import com.upgradecoordination.review.api.SupportReviewEvent;
import com.upgradecoordination.review.api.SupportReviewOpenedEvent;
import com.upgradecoordination.review.api.TicketEvent;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Which domain events of review-service are published, and as which contract. The case id is the
 * engagement id; a ticket without engagement is its own case ({@link TicketIntegrationEvents}).
 */
@Component
public class ReviewIntegrationEvents implements IntegrationEventTranslator {

    @Override
    public Optional<OutboundIntegrationEvent> translate(Object domainEvent) {
        if (domainEvent instanceof TicketEvent ticketEvent) {
            return Optional.ofNullable(TicketIntegrationEvents.contractOf(ticketEvent))
                    .map(payload -> new OutboundIntegrationEvent(ticketEvent.caseId(), payload));
        }
        Record payload = contractOf(domainEvent);
        return Optional.ofNullable(payload)
                .map(p -> new OutboundIntegrationEvent(((SupportReviewEvent) domainEvent).engagementId(), p));
    }

    private static Record contractOf(Object domainEvent) {
        if (domainEvent instanceof SupportReviewOpenedEvent e) {
            return new SupportReviewOpened(e.reviewId(), e.engagementId(), e.planVersion());
        }
        if (domainEvent instanceof SupportReviewCompletedEvent e) {
            return new SupportReviewCompleted(e.reviewId(), e.engagementId(), e.planVersion(), e.verdict().name(),
                    e.recommendations(), e.reviewer(), e.reviewerLevel());
        }
        return null;
    }
}
