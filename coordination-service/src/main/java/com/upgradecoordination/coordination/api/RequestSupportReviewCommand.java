package com.upgradecoordination.coordination.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** @param reviewId chosen by the sender, so the review can be found in review-service under the same id */
public record RequestSupportReviewCommand(@TargetAggregateIdentifier String engagementId, String reviewId) {
}
