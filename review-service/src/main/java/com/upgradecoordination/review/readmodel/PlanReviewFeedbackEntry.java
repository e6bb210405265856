package com.upgradecoordination.review.readmodel;

import com.upgradecoordination.review.api.PlanFeedbackTopic;
import java.time.Instant;

/** One feedback item of a plan review, with who gave it in which role and when. */
public record PlanReviewFeedbackEntry(
        PlanFeedbackTopic topic,
        String text,
        String givenBy,
        String givenByRole,
        Instant givenAt) {
}
