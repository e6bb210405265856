package com.upgradecoordination.review.api;

import org.axonframework.serialization.Revision;

/** The required-information check found nothing missing or wrong (SPEC T4). */
@Revision("1")
public record RequiredInformationCompleteEvent(
        String ticketId,
        String caseId) implements TicketEvent {
}
