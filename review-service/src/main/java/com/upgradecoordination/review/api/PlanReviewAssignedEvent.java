package com.upgradecoordination.review.api;

import com.upgradecoordination.events.PersonalData;
import org.axonframework.serialization.Revision;

/** @param assigneeRole SUPPORT_ENGINEER, SENIOR_SUPPORT_ENGINEER or SUPPORT_MANAGER */
@Revision("1")
public record PlanReviewAssignedEvent(
        String planReviewId,
        String engagementId,
        @PersonalData String assignee,
        String assigneeRole) implements PlanReviewEvent {
}
