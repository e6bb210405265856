package com.upgradecoordination.events.review;

import com.upgradecoordination.events.EventContract;
import com.upgradecoordination.events.Topics;
import java.time.Instant;

/**
 * The review call's booking link went out (SPEC T7); the envelope's actor sent it.
 *
 * @param timing  IN_TIME (3 days or more ahead) or LATE_WITH_WARNING (2 to 3 days)
 * @param warning null when in time
 */
@EventContract(type = "ReviewCallLinkSent", version = 1, topic = Topics.REVIEW)
public record ReviewCallLinkSent(
        String ticketId,
        String engagementId,
        Instant upgradeAt,
        Instant sentAt,
        String timing,
        String warning) {
}
