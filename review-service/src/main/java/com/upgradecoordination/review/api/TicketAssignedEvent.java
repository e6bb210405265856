package com.upgradecoordination.review.api;

import org.axonframework.serialization.Revision;

/** The triaging engineer took the ticket (SPEC T2). */
@Revision("1")
public record TicketAssignedEvent(
        String ticketId,
        String caseId,
        String assignee) implements TicketEvent {
}
