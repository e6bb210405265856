package com.upgradecoordination.review.api;

/**
 * Every event of a ticket names it and its case: the linked engagement's id, or the ticket's own
 * id for a ticket without engagement.
 */
public interface TicketEvent {

    String ticketId();

    String caseId();
}
