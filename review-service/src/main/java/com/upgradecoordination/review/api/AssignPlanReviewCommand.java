package com.upgradecoordination.review.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * A Support engineer takes a plan review (self-assignment).
 *
 * @param assignee        the principal taking it
 * @param assigneeRole    the role they act in; any Support role may
 * @param expectedVersion the review's version the engineer based this on (If-Match); null: no check
 */
public record AssignPlanReviewCommand(
        @TargetAggregateIdentifier String planReviewId,
        String assignee,
        String assigneeRole,
        @TargetAggregateVersion Long expectedVersion) {
}
