package com.upgradecoordination.events.review;

import com.upgradecoordination.events.EventContract;
import com.upgradecoordination.events.Topics;

/** Support opened a plan review for a plan version the CSM shared (SPEC T11). */
@EventContract(type = "PlanReviewOpened", version = 1, topic = Topics.REVIEW)
public record PlanReviewOpened(String planReviewId, String engagementId, int planVersion) {
}
