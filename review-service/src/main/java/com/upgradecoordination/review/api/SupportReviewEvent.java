package com.upgradecoordination.review.api;

/** Every event of an architecture support review names it and its case; the engagement id is the case id. */
public interface SupportReviewEvent {

    String reviewId();

    String engagementId();
}
