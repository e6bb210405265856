package com.upgradecoordination.review.api;

import org.axonframework.serialization.Revision;

/** The assignee synced with the engineer who will take over the final review (SPEC T8). */
@Revision("1")
public record HandoffSyncRecordedEvent(
        String ticketId,
        String caseId,
        String engineer,
        String notes) implements TicketEvent {
}
