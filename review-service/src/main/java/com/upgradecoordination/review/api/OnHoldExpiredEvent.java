package com.upgradecoordination.review.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** Four days on hold without an outcome: back to open so the engineer follows up (SPEC T9, a deadline). */
@Revision("1")
public record OnHoldExpiredEvent(
        String ticketId,
        String caseId,
        Instant onHoldUntil) implements TicketEvent {
}
