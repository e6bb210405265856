package com.upgradecoordination.events.review;

/**
 * One thing a customer must add or correct (SPEC T4).
 *
 * @param kind MISSING, TARGET_NOT_NEWER, INVALID_VERSION, SKIPPED_UPGRADE_STOP, CONDITIONAL_STOP_UNANSWERED,
 *             UPGRADE_DATE_IN_PAST, NO_ROLLBACK_PLAN
 */
public record TicketDeficiency(String field, String kind, String message) {
}
