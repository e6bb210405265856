package com.upgradecoordination.events.review;

import com.upgradecoordination.events.EventContract;
import com.upgradecoordination.events.Topics;
import java.time.Instant;

/** Four days on hold without an outcome: the ticket is open again for a follow-up (SPEC T9). */
@EventContract(type = "OnHoldExpired", version = 1, topic = Topics.REVIEW)
public record OnHoldExpired(
        String ticketId,
        String engagementId,
        Instant onHoldUntil) {
}
