package com.upgradecoordination.review.api;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import org.axonframework.serialization.Revision;

/**
 * The upgrade moved to a new date (SPEC T10); the review-call rule of T7 is checked again.
 *
 * @param sentLinkTiming how the booking link already sent stands against the new date; null when none was sent
 * @param linkDueBy      the new latest moment for a booking link still to be sent; null when none is awaited
 */
@Revision("1")
public record UpgradeRescheduledEvent(
        String ticketId,
        String caseId,
        Instant previousUpgradeAt,
        LocalDate upgradeDate,
        LocalTime upgradeTime,
        String upgradeTimezone,
        Instant upgradeAt,
        ReviewCallLinkTiming sentLinkTiming,
        Instant linkDueBy) implements TicketEvent {
}
