package com.upgradecoordination.review.api;

import com.upgradecoordination.events.PersonalData;
import org.axonframework.serialization.Revision;

/** The organisation's CSM follows the ticket (SPEC T3). */
@Revision("1")
public record CsmAddedAsFollowerEvent(
        String ticketId,
        String caseId,
        @PersonalData String csm,
        CsmSource source) implements TicketEvent {
}
