package com.upgradecoordination.review.api;

/**
 * How a ticket came in (SPEC T1, C8).
 *
 * <ul>
 *   <li>{@link #STANDARD}: the Support portal's "Upgrade Assistance Request"</li>
 *   <li>{@link #US_GOVERNMENT}: the "US Government Upgrade Planning Assistance Request"</li>
 *   <li>{@link #MIGRATION_PROBLEM}: opened by review-service itself for a migration problem
 *       coordination-service routed to Support; never a customer's choice</li>
 * </ul>
 */
public enum TicketForm {
    STANDARD,
    US_GOVERNMENT,
    MIGRATION_PROBLEM;

    /** The forms a customer files an Upgrade Assistance request with. */
    public boolean isRequestForm() {
        return this != MIGRATION_PROBLEM;
    }
}
