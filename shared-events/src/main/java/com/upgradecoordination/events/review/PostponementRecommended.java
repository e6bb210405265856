package com.upgradecoordination.events.review;

import com.upgradecoordination.events.EventContract;
import com.upgradecoordination.events.Topics;
import java.util.List;

/** @param reasons POORLY_PLANNED, LIKELY_DOWNTIME, OTHER (SPEC T10) */
@EventContract(type = "PostponementRecommended", version = 1, topic = Topics.REVIEW)
public record PostponementRecommended(
        String ticketId,
        String engagementId,
        List<String> reasons,
        String explanation) {
}
