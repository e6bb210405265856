package com.upgradecoordination.coordination.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * C7: the latest plan version goes to Support for feedback (a plan review in review-service).
 *
 * @param planReviewId    chosen by the sender, so the plan review can be found in review-service under the same id
 * @param expectedVersion the engagement's version the sender based this on (If-Match); null: no check
 */
public record SharePlanWithSupportCommand(
        @TargetAggregateIdentifier String engagementId,
        String planReviewId,
        @TargetAggregateVersion Long expectedVersion) {
}
