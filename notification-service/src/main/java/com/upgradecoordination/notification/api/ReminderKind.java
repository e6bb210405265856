package com.upgradecoordination.notification.api;

/**
 * The reminders this service keeps itself (SPEC N3). The third, a review-call link not sent by its
 * deadline, is review-service's own deadline ({@code ReviewCallLinkOverdue}); this service only
 * tells people about it.
 */
public enum ReminderKind {

    /** An on-hold ticket's upgrade time (plus a grace period) passed without a reported outcome; its subject is the ticket. */
    UPGRADE_OUTCOME_OVERDUE,

    /** A support review stayed open longer than its SLA; its subject is the support review. */
    SUPPORT_REVIEW_OVERDUE
}
