package com.upgradecoordination.events.notification;

import com.upgradecoordination.events.EventContract;
import com.upgradecoordination.events.Topics;
import java.time.Instant;

/**
 * A reminder of notification-service came due (SPEC N3): what was expected by {@code dueAt} has not
 * happened. The service tells people about it through its rule table, like any other event.
 *
 * @param kind        UPGRADE_OUTCOME_OVERDUE (an upgrade's outcome was not reported; {@code ticketId})
 *                    or SUPPORT_REVIEW_OVERDUE (a support review outlived its SLA; {@code reviewId},
 *                    {@code planVersion})
 * @param ticketId    the ticket, for UPGRADE_OUTCOME_OVERDUE; null otherwise
 * @param reviewId    the support review, for SUPPORT_REVIEW_OVERDUE; null otherwise
 * @param planVersion the reviewed plan version, for SUPPORT_REVIEW_OVERDUE; null otherwise
 * @param since       what the reminder counts from: the upgrade time, or when the review opened
 * @param dueAt       when it was due
 */
@EventContract(type = "ReminderFired", version = 1, topic = Topics.NOTIFICATION)
public record ReminderFired(
        String reminderId,
        String kind,
        String ticketId,
        String reviewId,
        Integer planVersion,
        Instant since,
        Instant dueAt) {
}
