package com.upgradecoordination.review.api;

import com.upgradecoordination.events.PersonalData;
import org.axonframework.serialization.Revision;

/** The triaging engineer took the ticket (SPEC T2). */
@Revision("1")
public record TicketAssignedEvent(
        String ticketId,
        String caseId,
        @PersonalData String assignee) implements TicketEvent {
}
