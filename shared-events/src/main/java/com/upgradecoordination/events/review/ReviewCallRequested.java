package com.upgradecoordination.events.review;

import com.upgradecoordination.events.EventContract;
import com.upgradecoordination.events.Topics;
import java.time.Instant;

/** @param linkDueBy the booking link is due 2 days before the upgrade (SPEC T7) */
@EventContract(type = "ReviewCallRequested", version = 1, topic = Topics.REVIEW)
public record ReviewCallRequested(
        String ticketId,
        String engagementId,
        Instant upgradeAt,
        Instant linkDueBy) {
}
