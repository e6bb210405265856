package com.upgradecoordination.events.review;

import com.upgradecoordination.events.EventContract;
import com.upgradecoordination.events.Topics;

/** Support opened an architecture support review for a requested deviation review (SPEC T12). */
@EventContract(type = "SupportReviewOpened", version = 1, topic = Topics.REVIEW)
public record SupportReviewOpened(String reviewId, String engagementId, int planVersion) {
}
