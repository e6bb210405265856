package com.upgradecoordination.coordination.readmodel;

import java.time.Instant;

/** The current state of an engagement as the internal apps read it. */
public record EngagementSummary(
        String engagementId,
        String customerOrganisation,
        String csm,
        String status,
        String referenceSize,
        Integer expectedUsers,
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
