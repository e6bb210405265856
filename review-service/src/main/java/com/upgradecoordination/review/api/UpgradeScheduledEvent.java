package com.upgradecoordination.review.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * The customer scheduled the upgrade; the ticket waits on hold for the outcome (SPEC T9).
 *
 * @param onHoldUntil when the ticket comes back to open without an outcome: four days on hold
 */
@Revision("1")
public record UpgradeScheduledEvent(
        String ticketId,
        String caseId,
        Instant upgradeAt,
        Instant onHoldUntil) implements TicketEvent {
}
