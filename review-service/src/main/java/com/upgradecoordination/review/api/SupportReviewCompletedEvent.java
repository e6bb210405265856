package com.upgradecoordination.review.api;

import java.util.List;
import org.axonframework.serialization.Revision;

/** @param reviewerLevel the role the reviewer completed it in: SENIOR_SUPPORT_ENGINEER or SUPPORT_MANAGER */
@Revision("1")
public record SupportReviewCompletedEvent(
        String reviewId,
        String engagementId,
        int planVersion,
        SupportVerdict verdict,
        List<String> recommendations,
        String reviewer,
        String reviewerLevel) implements SupportReviewEvent {
}
