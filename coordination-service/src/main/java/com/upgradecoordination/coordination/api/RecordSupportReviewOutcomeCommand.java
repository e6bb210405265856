package com.upgradecoordination.coordination.api;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Sent when review-service's SupportReviewCompleted arrives from Kafka. */
public record RecordSupportReviewOutcomeCommand(
        @TargetAggregateIdentifier String engagementId,
        String reviewId,
        int planVersion,
        SupportVerdict verdict,
        List<String> recommendations,
        String reviewer,
        String reviewerLevel) {
}
