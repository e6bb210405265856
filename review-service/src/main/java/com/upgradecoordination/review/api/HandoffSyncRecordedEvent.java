package com.upgradecoordination.review.api;

import com.upgradecoordination.events.PersonalData;
import org.axonframework.serialization.Revision;

/** The assignee synced with the engineer who will take over the final review (SPEC T8). */
@Revision("1")
public record HandoffSyncRecordedEvent(
        String ticketId,
        String caseId,
        @PersonalData String engineer,
        String notes) implements TicketEvent {
}
