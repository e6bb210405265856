package com.upgradecoordination.review.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The upgrade time came and the requested review call had not been held (SPEC T7, a deadline). */
@Revision("1")
public record ReviewCallMissedEvent(
        String ticketId,
        String caseId,
        Instant upgradeAt) implements TicketEvent {
}
