package com.upgradecoordination.events.review;

import com.upgradecoordination.events.EventContract;
import com.upgradecoordination.events.PersonalData;
import com.upgradecoordination.events.Topics;
import java.util.List;

/**
 * Support finished reviewing a shared plan version (SPEC C7, T11); coordination-service records it
 * in the engagement's history.
 *
 * @param feedback     every feedback item given during the review, in order
 * @param summary      the reviewer's closing summary
 * @param reviewerRole the reviewer's role, e.g. SUPPORT_ENGINEER or SENIOR_SUPPORT_ENGINEER
 */
@EventContract(type = "PlanReviewCompleted", version = 1, topic = Topics.REVIEW)
public record PlanReviewCompleted(
        String planReviewId,
        String engagementId,
        int planVersion,
        List<String> feedback,
        String summary,
        @PersonalData String reviewer,
        String reviewerRole) {
}
