package com.upgradecoordination.review.api;

import org.axonframework.serialization.Revision;

/** One feedback item; its author and time are the event's audit facts. */
@Revision("1")
public record PlanReviewFeedbackGivenEvent(
        String planReviewId,
        String engagementId,
        PlanFeedbackTopic topic,
        String text) implements PlanReviewEvent {
}
