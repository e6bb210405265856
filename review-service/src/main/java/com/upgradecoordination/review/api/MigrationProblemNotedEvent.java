package com.upgradecoordination.review.api;

import org.axonframework.serialization.Revision;

/** Another migration problem of the engagement, noted on its open ticket (SPEC C8). */
@Revision("1")
public record MigrationProblemNotedEvent(
        String ticketId,
        String caseId,
        String problemId,
        String description) implements TicketEvent {
}
