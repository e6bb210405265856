package com.upgradecoordination.events.review;

import com.upgradecoordination.events.EventContract;
import com.upgradecoordination.events.Topics;

/** The 30-minute review call took place (SPEC T7). */
@EventContract(type = "ReviewCallHeld", version = 1, topic = Topics.REVIEW)
public record ReviewCallHeld(
        String ticketId,
        String engagementId) {
}
