package com.upgradecoordination.review.api;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Sent when coordination-service's SupportReviewRequested arrives from Kafka.
 *
 * @param reviewId    chosen by coordination-service, so both services know the review under the same id
 * @param performance the customer's GPT results as judged; null when the request carried none
 */
public record OpenSupportReviewCommand(
        @TargetAggregateIdentifier String reviewId,
        String engagementId,
        int planVersion,
        String customerOrganisation,
        String csm,
        String referenceSize,
        List<ReviewedDeviation> deviations,
        ReviewedPerformance performance) {
}
