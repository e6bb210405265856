package com.upgradecoordination.review.api;

import com.upgradecoordination.events.PersonalData;
import org.axonframework.serialization.Revision;

/** The ticket moved to the engineer the assignee synced with (SPEC T8). */
@Revision("1")
public record TicketHandedOffEvent(
        String ticketId,
        String caseId,
        @PersonalData String fromEngineer,
        @PersonalData String toEngineer,
        String syncNotes) implements TicketEvent {
}
