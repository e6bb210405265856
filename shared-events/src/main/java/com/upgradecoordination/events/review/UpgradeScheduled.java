package com.upgradecoordination.events.review;

import com.upgradecoordination.events.EventContract;
import com.upgradecoordination.events.Topics;
import java.time.Instant;

/** The upgrade is scheduled; the ticket is on hold until the outcome, at most until {@code onHoldUntil} (SPEC T9). */
@EventContract(type = "UpgradeScheduled", version = 1, topic = Topics.REVIEW)
public record UpgradeScheduled(
        String ticketId,
        String engagementId,
        Instant upgradeAt,
        Instant onHoldUntil) {
}
