package com.upgradecoordination.events.review;

import com.upgradecoordination.events.EventContract;
import com.upgradecoordination.events.Topics;
import java.time.Instant;

/** Sending the booking link under 2 days before the upgrade was refused (SPEC T7). */
@EventContract(type = "ReviewCallLinkRefused", version = 1, topic = Topics.REVIEW)
public record ReviewCallLinkRefused(
        String ticketId,
        String engagementId,
        Instant upgradeAt,
        Instant attemptedAt,
        String reason) {
}
