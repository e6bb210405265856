package com.upgradecoordination.review.api;

import com.upgradecoordination.events.PersonalData;
import org.axonframework.serialization.Revision;

/** The assignee asked an engineer with an upgrade focus to pair (SPEC T5). */
@Revision("1")
public record PairingRequestedEvent(
        String ticketId,
        String caseId,
        @PersonalData String engineer) implements TicketEvent {
}
