package com.upgradecoordination.events.review;

import com.upgradecoordination.events.EventContract;
import com.upgradecoordination.events.Topics;
import java.time.Instant;

/** The upgrade time came before the requested review call was held (SPEC T7). */
@EventContract(type = "ReviewCallMissed", version = 1, topic = Topics.REVIEW)
public record ReviewCallMissed(
        String ticketId,
        String engagementId,
        Instant upgradeAt) {
}
