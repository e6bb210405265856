package com.upgradecoordination.review.api;

import org.axonframework.serialization.Revision;

/**
 * A customer asked for Upgrade Assistance (SPEC T1); the ticket is new. Always HIGH priority.
 *
 * @param engagementId the linked engagement, or null
 */
@Revision("1")
public record UpgradeAssistanceRequestedEvent(
        String ticketId,
        String caseId,
        TicketForm form,
        TicketPriority priority,
        String organisation,
        String engagementId,
        UpgradeRequestDetails details) implements TicketEvent {
}
