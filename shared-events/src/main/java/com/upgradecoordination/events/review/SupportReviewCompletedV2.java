package com.upgradecoordination.events.review;

import com.upgradecoordination.events.EventContract;
import com.upgradecoordination.events.PersonalData;
import com.upgradecoordination.events.Topics;
import java.util.List;

/**
 * A Senior Support Engineer or higher completed an architecture support review (SPEC C6f, T12).
 * Version 2 of {@code SupportReviewCompleted}: version 1's {@code reviewerLevel} is {@code reviewerRole},
 * the name {@code PlanReviewCompleted} and the envelope's actor use. While version 1 is deprecated
 * both go on the topic, version 1 derived from this one ({@link #asVersion1()}).
 *
 * @param verdict      SUPPORTABLE, SUPPORTABLE_WITH_CHANGES or NOT_SUPPORTABLE
 * @param reviewerRole the reviewer's role: SENIOR_SUPPORT_ENGINEER or SUPPORT_MANAGER
 */
@EventContract(type = "SupportReviewCompleted", version = 2, topic = Topics.REVIEW)
public record SupportReviewCompletedV2(
        String reviewId,
        String engagementId,
        int planVersion,
        String verdict,
        List<String> recommendations,
        @PersonalData String reviewer,
        String reviewerRole) {

    /** The same event as the deprecated version 1 says it. */
    public SupportReviewCompleted asVersion1() {
        return new SupportReviewCompleted(reviewId, engagementId, planVersion, verdict, recommendations, reviewer,
                reviewerRole);
    }
}
