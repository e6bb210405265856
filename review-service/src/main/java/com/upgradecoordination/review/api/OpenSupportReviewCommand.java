package com.upgradecoordination.review.api;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Sent when coordination-service's SupportReviewRequested arrives from Kafka.
 *
 * @param reviewId chosen by coordination-service, so both services know the review under the same id
 */
public record OpenSupportReviewCommand(
        @TargetAggregateIdentifier String reviewId,
        String engagementId,
        int planVersion,
        String customerOrganisation,
        String csm,
        String referenceSize,
        List<ReviewedDeviation> deviations) {
}
