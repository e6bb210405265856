package com.upgradecoordination.review.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * A Support engineer gives one feedback item during a plan review.
 *
 * @param author          the principal giving it
 * @param authorRole      the role they act in; any Support role may
 * @param expectedVersion the review's version the engineer based this on (If-Match); null: no check
 */
public record GivePlanReviewFeedbackCommand(
        @TargetAggregateIdentifier String planReviewId,
        PlanFeedbackTopic topic,
        String text,
        String author,
        String authorRole,
        @TargetAggregateVersion Long expectedVersion) {
}
