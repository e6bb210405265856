package com.upgradecoordination.review.api;

import org.axonframework.serialization.Revision;

/**
 * A migration problem was routed to Support (no ProServ) and the engagement had no open ticket
 * (SPEC C8): this ticket opens for it, new and HIGH priority.
 *
 * @param organisation the engagement's customer when known from coordination-service, else null
 */
@Revision("1")
public record TicketOpenedForMigrationProblemEvent(
        String ticketId,
        String caseId,
        String engagementId,
        String organisation,
        TicketPriority priority,
        String problemId,
        String description) implements TicketEvent {
}
