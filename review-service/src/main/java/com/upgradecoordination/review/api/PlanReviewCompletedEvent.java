package com.upgradecoordination.review.api;

import com.upgradecoordination.events.PersonalData;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * @param feedback     every feedback item given during the review, in order; empty when the
 *                     reviewer stated the plan needs none
 * @param reviewerRole SUPPORT_ENGINEER, SENIOR_SUPPORT_ENGINEER or SUPPORT_MANAGER
 */
@Revision("1")
public record PlanReviewCompletedEvent(
        String planReviewId,
        String engagementId,
        int planVersion,
        List<PlanFeedback> feedback,
        String summary,
        @PersonalData String reviewer,
        String reviewerRole) implements PlanReviewEvent {
}
