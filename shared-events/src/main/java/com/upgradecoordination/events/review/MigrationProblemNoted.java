package com.upgradecoordination.events.review;

import com.upgradecoordination.events.EventContract;
import com.upgradecoordination.events.Topics;

/** A further migration problem joined the engagement's open ticket (SPEC C8). */
@EventContract(type = "MigrationProblemNoted", version = 1, topic = Topics.REVIEW)
public record MigrationProblemNoted(
        String ticketId,
        String engagementId,
        String problemId) {
}
