package com.upgradecoordination.events.review;

import com.upgradecoordination.events.EventContract;
import com.upgradecoordination.events.Topics;
import java.time.Instant;

/** No booking link had gone out 2 days before the upgrade (SPEC T7). */
@EventContract(type = "ReviewCallLinkOverdue", version = 1, topic = Topics.REVIEW)
public record ReviewCallLinkOverdue(
        String ticketId,
        String engagementId,
        Instant upgradeAt,
        Instant dueBy) {
}
