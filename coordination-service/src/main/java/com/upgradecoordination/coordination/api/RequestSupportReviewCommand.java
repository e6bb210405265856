package com.upgradecoordination.coordination.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * @param reviewId        chosen by the sender, so the review can be found in review-service under the same id
 * @param expectedVersion the engagement's version the sender based this on (If-Match); null: no check
 */
public record RequestSupportReviewCommand(
        @TargetAggregateIdentifier String engagementId,
        String reviewId,
        @TargetAggregateVersion Long expectedVersion) {
}
