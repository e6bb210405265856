package com.upgradecoordination.review.api;

import org.axonframework.serialization.Revision;

/** The customer answered with the request's details as they now stand; they are checked again (SPEC T4). */
@Revision("1")
public record CustomerInformationProvidedEvent(
        String ticketId,
        String caseId,
        UpgradeRequestDetails details) implements TicketEvent {
}
