package com.upgradecoordination.review.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The booking link had not gone out 2 days before the upgrade (SPEC T7, a deadline). */
@Revision("1")
public record ReviewCallLinkOverdueEvent(
        String ticketId,
        String caseId,
        Instant upgradeAt,
        Instant dueBy) implements TicketEvent {
}
