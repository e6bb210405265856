package com.upgradecoordination.events.review;

import com.upgradecoordination.events.EventContract;
import com.upgradecoordination.events.Topics;
import java.time.Instant;

/**
 * The upgrade moved (SPEC T10).
 *
 * @param sentLinkTiming how a booking link already sent stands against the new time: IN_TIME,
 *                       LATE_WITH_WARNING or TOO_LATE (flagged); null when none was sent
 */
@EventContract(type = "UpgradeRescheduled", version = 1, topic = Topics.REVIEW)
public record UpgradeRescheduled(
        String ticketId,
        String engagementId,
        Instant previousUpgradeAt,
        Instant upgradeAt,
        String sentLinkTiming) {
}
