package com.upgradecoordination.coordination.readmodel;

import java.time.Instant;
import java.time.LocalDate;

/**
 * An engagement as a list shows it.
 *
 * @param status      the latest milestone event, e.g. PLAN_DEVIATES or SUPPORT_REVIEW_COMPLETED
 * @param currentStep where the engagement stands ({@link com.upgradecoordination.coordination.domain.EngagementStep})
 */
public record EngagementSummary(
        String engagementId,
        String customerOrganisation,
        String csm,
        String status,
        String currentStep,
        String referenceSize,
        Integer expectedUsers,
        LocalDate targetCompletionDate,
        int latestPlanVersion,
        Boolean latestPlanConforms,
        int deviationCount,
        Integer justifiedPlanVersion,
        String supportReviewId,
        String supportReviewStatus,
        String supportReviewVerdict,
        String performanceVerdict,
        Integer deviationAcceptedPlanVersion,
        long version,
        Instant updatedAt) {
}
