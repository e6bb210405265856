package com.upgradecoordination.review.messaging;

import com.upgradecoordination.events.review.SupportReviewCompleted;
import com.upgradecoordination.events.review.SupportReviewOpened;
import com.upgradecoordination.platform.relay.IntegrationEventTranslator;
import com.upgradecoordination.platform.relay.OutboundIntegrationEvent;
import com.upgradecoordination.review.api.SupportReviewCompletedEvent;
import com.upgradecoordination.review.api.SupportReviewEvent;
import com.upgradecoordination.review.api.SupportReviewOpenedEvent;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Which domain events of review-service are published, and as which contract. The case id is the engagement id. */
@Component
public class ReviewIntegrationEvents implements IntegrationEventTranslator {

    @Override
    public Optional<OutboundIntegrationEvent> translate(Object domainEvent) {
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
