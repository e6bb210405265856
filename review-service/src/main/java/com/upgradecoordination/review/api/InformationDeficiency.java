package com.upgradecoordination.review.api;

/**
 * One thing the customer must add or correct before Support can review the upgrade (SPEC T4).
 *
 * @param field   the request field concerned, e.g. {@code upgradePath}
 * @param kind    what is wrong
 * @param message the explanation sent to the customer
 */
public record InformationDeficiency(String field, Kind kind, String message) {

    public enum Kind {
        MISSING,
        TARGET_NOT_NEWER,
        INVALID_VERSION,
        SKIPPED_UPGRADE_STOP,
        /** The stated path goes down, starts at or below the current version, or does not end at the target. */
        INVALID_UPGRADE_PATH,
        CONDITIONAL_STOP_UNANSWERED,
        UPGRADE_DATE_IN_PAST,
        NO_ROLLBACK_PLAN
    }
}
