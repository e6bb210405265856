package com.upgradecoordination.review.api;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Sent when coordination-service's PlanSharedWithSupport arrives from Kafka.
 *
 * @param planReviewId    chosen by coordination-service, so both services know the review under the same id
 * @param planDocumentUrl where the plan document is; optional
 * @param conforms        whether the plan version conforms to its reference architecture
 * @param deviations      the plan version's deviations; empty exactly when it conforms
 */
public record OpenPlanReviewCommand(
        @TargetAggregateIdentifier String planReviewId,
        String engagementId,
        int planVersion,
        String customerOrganisation,
        String csm,
        String referenceSize,
        String planDocumentUrl,
        boolean conforms,
        List<ReviewedDeviation> deviations) {
}
