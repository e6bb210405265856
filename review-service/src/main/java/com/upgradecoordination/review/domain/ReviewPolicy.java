package com.upgradecoordination.review.domain;

import static com.upgradecoordination.review.domain.Rejection.because;
import static com.upgradecoordination.review.domain.Rejection.none;

import java.util.Optional;
import java.util.Set;

/**
 * The rules plan reviews (SPEC C7, T11) and architecture support reviews (T12) share: a review opens
 * once under its id, takes work only while it is open, and is worked on by the roles that may.
 */
@FunctionalInterface
interface ReviewPolicy {

    /**
     * @param actor who acts on the review, stripped; null when the review opens
     * @param role  the role the actor acts in
     */
    Optional<Rejection> check(ReviewCase review, String actor, String role);

    /** A second opening under the same id is a refused rule, recorded once by the inbox, not a conflict. */
    ReviewPolicy opensOnce = (review, actor, role) -> review.reviewId() == null ? none()
            : because(review.rule("already-open"),
                    review.kind() + " " + review.reviewId() + " is already open for engagement " + review.engagementId());

    ReviewPolicy stillOpen = (review, actor, role) -> review.completed()
            ? because(review.rule("already-completed"), review.kind() + " " + review.reviewId() + " is already completed")
            : none();

    /** @param onlyWho who may, as the reason says it, e.g. "Only Support engineers work on plan reviews" */
    static ReviewPolicy actorIn(Set<String> roles, String rule, String onlyWho) {
        return (review, actor, role) -> role != null && roles.contains(role) ? none()
                : because(rule, onlyWho + "; " + actor + " acts as " + role);
    }
}
