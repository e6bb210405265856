package com.upgradecoordination.events.review;

import com.upgradecoordination.events.EventContract;
import com.upgradecoordination.events.Topics;

/**
 * The ticket moved between Support's statuses (SPEC T13): NEW, OPEN, PENDING, ON_HOLD, SOLVED, CLOSED.
 *
 * @param from the status before
 * @param to   the status now
 */
@EventContract(type = "TicketStatusChanged", version = 1, topic = Topics.REVIEW)
public record TicketStatusChanged(
        String ticketId,
        String engagementId,
        String from,
        String to) {
}
