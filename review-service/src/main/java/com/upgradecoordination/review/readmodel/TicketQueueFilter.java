package com.upgradecoordination.review.readmodel;

import com.upgradecoordination.review.api.TicketForm;
import com.upgradecoordination.review.api.TicketStatus;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Which tickets the queue shows; a null filter does not filter.
 *
 * @param upgradeFrom    upgrade date on or after
 * @param upgradeTo      upgrade date on or before
 * @param deadlineBefore a pending deadline due at or before this moment
 */
public record TicketQueueFilter(
        TicketStatus status,
        String assignee,
        TicketForm form,
        LocalDate upgradeFrom,
        LocalDate upgradeTo,
        Instant deadlineBefore) {
}
