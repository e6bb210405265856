package com.upgradecoordination.review.api;

import org.axonframework.serialization.Revision;

/** The organisation's CSM follows the ticket (SPEC T3). */
@Revision("1")
public record CsmAddedAsFollowerEvent(
        String ticketId,
        String caseId,
        String csm,
        CsmSource source) implements TicketEvent {
}
