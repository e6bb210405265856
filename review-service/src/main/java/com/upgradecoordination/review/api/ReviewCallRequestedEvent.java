package com.upgradecoordination.review.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * The customer asked for the optional 30-minute review call (SPEC T7).
 *
 * @param linkDueBy the latest moment the booking link may go out: 2 days before the upgrade
 */
@Revision("1")
public record ReviewCallRequestedEvent(
        String ticketId,
        String caseId,
        Instant upgradeAt,
        Instant linkDueBy) implements TicketEvent {
}
