package com.upgradecoordination.review.readmodel;

import com.upgradecoordination.review.api.ReviewedPerformance;
import java.time.Instant;

/**
 * The current state of an architecture support review as Support's queue reads it.
 *
 * @param performance the customer's GPT results as judged, with the basis the verdict rests on; null when
 *                    the request carried none
 */
public record SupportReviewSummary(
        String reviewId,
        String engagementId,
        int planVersion,
        String customerOrganisation,
        String csm,
        String referenceSize,
        int deviationCount,
        ReviewedPerformance performance,
        SupportReviewStatus status,
        String verdict,
        String reviewer,
        String reviewerLevel,
        Instant openedAt,
        Instant completedAt,
        long version,
        Instant updatedAt) {
}
