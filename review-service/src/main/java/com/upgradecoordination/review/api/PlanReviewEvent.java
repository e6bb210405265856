package com.upgradecoordination.review.api;

/** Every event of a plan review names it and its case; the engagement id is the case id. */
public interface PlanReviewEvent {

    String planReviewId();

    String engagementId();
}
