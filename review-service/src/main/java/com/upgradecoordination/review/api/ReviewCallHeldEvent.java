package com.upgradecoordination.review.api;

import org.axonframework.serialization.Revision;

/** The review call took place (SPEC T7). */
@Revision("1")
public record ReviewCallHeldEvent(
        String ticketId,
        String caseId,
        String notes) implements TicketEvent {
}
