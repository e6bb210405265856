package com.upgradecoordination.review.messaging;

import com.upgradecoordination.events.review.PlanReviewCompleted;
import com.upgradecoordination.events.review.PlanReviewOpened;
import com.upgradecoordination.events.review.SupportReviewCompletedV2;
import com.upgradecoordination.events.review.SupportReviewOpened;
import com.upgradecoordination.platform.relay.ContractTranslations;
import com.upgradecoordination.platform.relay.IntegrationEventTranslator;
import com.upgradecoordination.platform.relay.OutboundIntegrationEvent;
import com.upgradecoordination.review.api.PlanFeedback;
import com.upgradecoordination.review.api.PlanReviewAssignedEvent;
import com.upgradecoordination.review.api.PlanReviewCompletedEvent;
import com.upgradecoordination.review.api.PlanReviewEvent;
import com.upgradecoordination.review.api.PlanReviewFeedbackGivenEvent;
import com.upgradecoordination.review.api.PlanReviewOpenedEvent;
import com.upgradecoordination.review.api.SupportReviewCompletedEvent;
import com.upgradecoordination.review.api.SupportReviewEvent;
import com.upgradecoordination.review.api.SupportReviewOpenedEvent;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Which domain events of review-service are published, as which contract, and under which case:
 * for reviews the engagement id; for tickets the engagement id, or the ticket itself when it has
 * none ({@link TicketIntegrationEvents}). The others stay inside the service on purpose.
 */
@Component
public class ReviewIntegrationEvents implements IntegrationEventTranslator {

    /** The reviews' events; the two kinds of review share no type, so each line names its case. */
    static final ContractTranslations TABLE = ContractTranslations.of(Record.class)
            .publish(SupportReviewOpenedEvent.class, SupportReviewEvent::engagementId, e -> new SupportReviewOpened(
                    e.reviewId(), e.engagementId(), e.planVersion()))
            // version 1 (reviewerLevel) is deprecated and published next to version 2 until it is retired
            .publish(SupportReviewCompletedEvent.class, SupportReviewEvent::engagementId, e ->
                    new SupportReviewCompletedV2(e.reviewId(), e.engagementId(), e.planVersion(), e.verdict().name(),
                            e.recommendations(), e.reviewer(), e.reviewerRole()), SupportReviewCompletedV2::asVersion1)
            .publish(PlanReviewOpenedEvent.class, PlanReviewEvent::engagementId, e -> new PlanReviewOpened(
                    e.planReviewId(), e.engagementId(), e.planVersion()))
            .publish(PlanReviewCompletedEvent.class, PlanReviewEvent::engagementId, e -> new PlanReviewCompleted(
                    e.planReviewId(), e.engagementId(), e.planVersion(), feedbackLines(e.feedback()), e.summary(),
                    e.reviewer(), e.reviewerRole()))
            // kept inside: who took a plan review, and its feedback item by item (the completed review carries all)
            .keepInternal(PlanReviewAssignedEvent.class, PlanReviewFeedbackGivenEvent.class)
            .build();

    @Override
    public Optional<OutboundIntegrationEvent> translate(Object domainEvent) {
        return TicketIntegrationEvents.TABLE.translate(domainEvent).or(() -> TABLE.translate(domainEvent));
    }

    /** Whether one of the tables says what becomes of events of this class. */
    static boolean decidedFor(Class<?> eventClass) {
        return TicketIntegrationEvents.TABLE.decidedFor(eventClass) || TABLE.decidedFor(eventClass);
    }

    /** The contract carries each item as one line, its topic first: "ROLLBACK_PLAN: Take a backup first". */
    static List<String> feedbackLines(List<PlanFeedback> feedback) {
        return feedback.stream().map(item -> item.topic().name() + ": " + item.text()).toList();
    }
}
