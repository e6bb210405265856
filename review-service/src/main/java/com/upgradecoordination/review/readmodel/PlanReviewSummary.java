package com.upgradecoordination.review.readmodel;

import java.time.Instant;
import java.util.List;

/** The current state of a plan review as Support's queue reads it, its feedback items in the order given. */
public record PlanReviewSummary(
        String planReviewId,
        String engagementId,
        int planVersion,
        String customerOrganisation,
        String csm,
        String referenceSize,
        String planDocumentUrl,
        boolean conforms,
        int deviationCount,
        PlanReviewStatus status,
        String assignee,
        List<PlanReviewFeedbackEntry> feedback,
        String summary,
        String reviewer,
        String reviewerRole,
        Instant openedAt,
        Instant completedAt,
        long version,
        Instant updatedAt) {
}
