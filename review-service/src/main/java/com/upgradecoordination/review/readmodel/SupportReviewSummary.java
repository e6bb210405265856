package com.upgradecoordination.review.readmodel;

import java.time.Instant;

/** The current state of an architecture support review as Support's queue reads it. */
public record SupportReviewSummary(
        String reviewId,
        String engagementId,
        int planVersion,
        String customerOrganisation,
        String csm,
        String referenceSize,
        int deviationCount,
        SupportReviewStatus status,
        String verdict,
        String reviewer,
        String reviewerLevel,
        Instant openedAt,
        Instant completedAt,
        long version,
        Instant updatedAt) {
}
