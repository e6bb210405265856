package com.upgradecoordination.review.api;

import org.axonframework.serialization.Revision;

/** A solved ticket was closed; closed is final. */
@Revision("1")
public record TicketClosedEvent(
        String ticketId,
        String caseId) implements TicketEvent {
}
