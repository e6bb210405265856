package com.upgradecoordination.coordination.api;

import com.upgradecoordination.events.PersonalData;
import java.util.List;
import org.axonframework.serialization.Revision;

/** review-service's PlanReviewCompleted: Support's feedback on a shared plan version, in this case's history. */
@Revision("1")
public record PlanReviewCompletedEvent(
        String engagementId,
        String planReviewId,
        int planVersion,
        List<String> feedback,
        String summary,
        @PersonalData String reviewer,
        String reviewerRole) implements EngagementEvent {
}
