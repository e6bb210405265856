package com.upgradecoordination.coordination.api;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Sent when review-service's PlanReviewCompleted arrives from Kafka (SPEC C7). */
public record RecordPlanReviewOutcomeCommand(
        @TargetAggregateIdentifier String engagementId,
        String planReviewId,
        int planVersion,
        List<String> feedback,
        String summary,
        String reviewer,
        String reviewerRole) {
}
