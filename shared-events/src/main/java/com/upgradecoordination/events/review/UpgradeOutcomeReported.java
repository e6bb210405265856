package com.upgradecoordination.events.review;

import com.upgradecoordination.events.EventContract;
import com.upgradecoordination.events.Topics;

/** @param outcome SUCCEEDED (the ticket is solved), FAILED or ROLLED_BACK (it reopens) (SPEC T9) */
@EventContract(type = "UpgradeOutcomeReported", version = 1, topic = Topics.REVIEW)
public record UpgradeOutcomeReported(
        String ticketId,
        String engagementId,
        String outcome) {
}
