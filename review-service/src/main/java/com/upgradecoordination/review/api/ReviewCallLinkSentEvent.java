package com.upgradecoordination.review.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * The one-time booking link went out (SPEC T7).
 *
 * @param leadMinutes how long before the upgrade it went out
 * @param warning     why 2 to 3 days ahead is later than Support prefers; null when in time
 */
@Revision("1")
public record ReviewCallLinkSentEvent(
        String ticketId,
        String caseId,
        Instant upgradeAt,
        Instant sentAt,
        long leadMinutes,
        ReviewCallLinkTiming timing,
        String warning) implements TicketEvent {
}
