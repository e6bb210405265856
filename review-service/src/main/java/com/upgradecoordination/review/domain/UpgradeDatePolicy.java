package com.upgradecoordination.review.domain;

import static com.upgradecoordination.review.domain.Rejection.because;
import static com.upgradecoordination.review.domain.Rejection.none;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * T10: how the upgrade's time may move. Once the upgrade is scheduled or a review call is booked for
 * it, only rescheduling moves it, so that the review-call rule is checked again; a reschedule moves
 * it to another time that is still ahead.
 */
@FunctionalInterface
interface UpgradeDatePolicy {

    /** @param proposed the upgrade's new moment; null while the customer's details leave it open */
    Optional<Rejection> check(Ticket ticket, Instant proposed, Instant now);

    UpgradeDatePolicy movedOnlyByRescheduling = (ticket, proposed, now) -> {
        boolean scheduled = ticket.upgrade.scheduled();
        if ((scheduled || ticket.reviewCall.requested()) && !Objects.equals(proposed, ticket.upgradeAt())) {
            return because("reschedule-to-change-upgrade-date", "The upgrade is already "
                    + (scheduled ? "scheduled" : "booked for a review call") + " at " + ticket.upgradeAt()
                    + "; move it by rescheduling, so the review-call rule is checked again");
        }
        return none();
    };

    UpgradeDatePolicy changed = (ticket, proposed, now) -> proposed.equals(ticket.upgradeAt())
            ? because("upgrade-date-unchanged", "The upgrade is already at " + ticket.upgradeAt())
            : none();

    UpgradeDatePolicy ahead = (ticket, proposed, now) -> proposed.isAfter(now) ? none()
            : because("upgrade-date-in-past", "The new upgrade time " + proposed + " has passed; give a time ahead");

    List<UpgradeDatePolicy> BY_CUSTOMER_INFORMATION = List.of(movedOnlyByRescheduling);

    List<UpgradeDatePolicy> RESCHEDULING = List.of(changed, ahead);
}
