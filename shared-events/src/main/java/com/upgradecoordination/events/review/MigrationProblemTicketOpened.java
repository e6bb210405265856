package com.upgradecoordination.events.review;

import com.upgradecoordination.events.EventContract;
import com.upgradecoordination.events.Topics;

/** A migration problem routed to Support opened a ticket for the engagement (SPEC C8). */
@EventContract(type = "MigrationProblemTicketOpened", version = 1, topic = Topics.REVIEW)
public record MigrationProblemTicketOpened(
        String ticketId,
        String engagementId,
        String problemId) {
}
