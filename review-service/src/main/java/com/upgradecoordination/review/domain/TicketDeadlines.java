package com.upgradecoordination.review.domain;

import java.time.Instant;

/**
 * The deadlines a ticket sets itself (SPEC T7, T9). Each payload names the moment it was set for,
 * so a deadline that a later change made stale (a rescheduled upgrade, a new on-hold period) is
 * recognised and ignored even if its cancellation was missed.
 */
public final class TicketDeadlines {

    /** The booking link must have gone out 2 days before the upgrade. */
    public static final String REVIEW_CALL_LINK = "review-call-link-due";
    /** The 30-minute call happens before the upgrade. */
    public static final String REVIEW_CALL = "review-call-due";
    /** Four days on hold without an outcome. */
    public static final String ON_HOLD = "on-hold-expiry";

    private TicketDeadlines() {
    }

    /** @param upgradeAt the upgrade the link is due for */
    public record ReviewCallLinkDue(String ticketId, Instant upgradeAt) {
    }

    /** @param upgradeAt the upgrade the call must come before */
    public record ReviewCallDue(String ticketId, Instant upgradeAt) {
    }

    /** @param onHoldUntil the end of the on-hold period this deadline belongs to */
    public record OnHoldExpiry(String ticketId, Instant onHoldUntil) {
    }
}
