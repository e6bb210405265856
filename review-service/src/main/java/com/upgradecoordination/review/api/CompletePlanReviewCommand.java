package com.upgradecoordination.review.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * A Support engineer finishes a plan review.
 *
 * @param summary         the reviewer's closing summary; required
 * @param noConcerns      the reviewer states that the plan needs no feedback; required to complete a
 *                        review without feedback items, refused when there are some
 * @param reviewer        the principal completing the review
 * @param reviewerRole    the role they act in; any Support role may
 * @param expectedVersion the review's version the reviewer based this on (If-Match); null: no check
 */
public record CompletePlanReviewCommand(
        @TargetAggregateIdentifier String planReviewId,
        String summary,
        boolean noConcerns,
        String reviewer,
        String reviewerRole,
        @TargetAggregateVersion Long expectedVersion) {
}
