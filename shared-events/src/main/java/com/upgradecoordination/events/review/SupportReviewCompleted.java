package com.upgradecoordination.events.review;

import com.upgradecoordination.events.EventContract;
import com.upgradecoordination.events.PersonalData;
import com.upgradecoordination.events.Topics;
import java.util.List;

/**
 * A Senior Support Engineer or higher completed an architecture support review (SPEC C6f, T12).
 * Deprecated: published next to {@link SupportReviewCompletedV2}, from which it is derived, until the
 * end of the deprecation period docs/kafka-contracts.md names; consumers move to version 2.
 *
 * @param verdict       SUPPORTABLE, SUPPORTABLE_WITH_CHANGES or NOT_SUPPORTABLE
 * @param reviewerLevel the reviewer's role: SENIOR_SUPPORT_ENGINEER or SUPPORT_MANAGER
 */
@EventContract(type = "SupportReviewCompleted", version = 1, topic = Topics.REVIEW)
public record SupportReviewCompleted(
        String reviewId,
        String engagementId,
        int planVersion,
        String verdict,
        List<String> recommendations,
        @PersonalData String reviewer,
        String reviewerLevel) {
}
