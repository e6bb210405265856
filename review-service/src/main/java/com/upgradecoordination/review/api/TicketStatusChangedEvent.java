package com.upgradecoordination.review.api;

import org.axonframework.serialization.Revision;

/** The ticket moved from one of Support's statuses to another (SPEC T13). */
@Revision("1")
public record TicketStatusChangedEvent(
        String ticketId,
        String caseId,
        TicketStatus from,
        TicketStatus to) implements TicketEvent {
}
