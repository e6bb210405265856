package com.upgradecoordination.review.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** Sending the booking link was refused: under 2 days before the upgrade (SPEC T7). Kept for auditors. */
@Revision("1")
public record ReviewCallLinkRefusedEvent(
        String ticketId,
        String caseId,
        Instant upgradeAt,
        Instant attemptedAt,
        long leadMinutes,
        String reason) implements TicketEvent {
}
