package com.upgradecoordination.review.domain;

import static com.upgradecoordination.review.domain.Rejection.because;
import static com.upgradecoordination.review.domain.Rejection.none;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * T7: the order of the review call. It is requested once and before the upgrade, its booking link
 * goes out once the customer asked for the call, and it is held once, after the link, unless the
 * upgrade time came first. When the link goes out is {@link ReviewCall}'s decision: a link too late
 * is refused and the refusal recorded.
 */
@FunctionalInterface
interface ReviewCallPolicy {

    Optional<Rejection> check(Ticket ticket, Instant now);

    ReviewCallPolicy requestedOnce = (ticket, now) -> ticket.reviewCall.requested()
            ? because("review-call-already-requested",
                    "A review call is already requested on ticket " + ticket.ref().ticketId())
            : none();

    ReviewCallPolicy beforeTheUpgrade = (ticket, now) -> ticket.upgradeAt().isAfter(now) ? none()
            : because("upgrade-time-passed",
                    "The upgrade was due at " + ticket.upgradeAt() + "; a review call comes before the upgrade");

    ReviewCallPolicy askedFor = (ticket, now) -> ticket.reviewCall.requested() ? none()
            : because("review-call-not-requested",
                    "The customer has not asked for a review call on ticket " + ticket.ref().ticketId());

    ReviewCallPolicy linkSentOnce = (ticket, now) -> ticket.reviewCall.linkSentAt() == null ? none()
            : because("review-call-link-already-sent", "The booking link went out at " + ticket.reviewCall.linkSentAt());

    ReviewCallPolicy afterTheLink = (ticket, now) -> ticket.reviewCall.linkSentAt() != null ? none()
            : because("review-call-link-not-sent",
                    "No booking link went out for a review call on ticket " + ticket.ref().ticketId());

    ReviewCallPolicy heldOnce = (ticket, now) -> ticket.reviewCall.held()
            ? because("review-call-already-held", "The review call was already held")
            : none();

    ReviewCallPolicy notMissed = (ticket, now) -> ticket.reviewCall.missed()
            ? because("review-call-missed", "The upgrade time came before the review call; reschedule the upgrade first")
            : none();

    List<ReviewCallPolicy> REQUESTING = List.of(requestedOnce, beforeTheUpgrade);

    List<ReviewCallPolicy> SENDING_THE_LINK = List.of(askedFor, linkSentOnce);

    List<ReviewCallPolicy> HOLDING = List.of(afterTheLink, heldOnce, notMissed);
}
