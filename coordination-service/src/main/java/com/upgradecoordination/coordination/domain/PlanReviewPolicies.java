package com.upgradecoordination.coordination.domain;

import static com.upgradecoordination.coordination.domain.Refusal.allow;
import static com.upgradecoordination.coordination.domain.Refusal.refuse;

import java.util.Optional;

/** The rules of Support's plan reviews (SPEC C7). */
final class PlanReviewPolicies {

    /** A plan review's id is never reused, not even once it is completed. */
    static Optional<Refusal> newPlanReview(PlanReviews reviews, String planReviewId) {
        return reviews.exists(planReviewId) ? refuse("plan-review-already-exists",
                "Plan review " + planReviewId + " already exists on engagement " + reviews.engagementId()) : allow();
    }

    static Optional<Refusal> onePendingPerVersion(PlanReviews reviews, int planVersion) {
        return reviews.pendingFor(planVersion) ? refuse("plan-review-already-pending",
                "Plan version " + planVersion + " is already with Support for review") : allow();
    }

    /** Only a pending plan review has an outcome. */
    static Optional<Refusal> pending(PlanReviews reviews, String planReviewId) {
        return reviews.pendingVersion(planReviewId) != null ? allow() : refuse("no-such-pending-plan-review",
                "No plan review " + planReviewId + " is pending on engagement " + reviews.engagementId());
    }

    private PlanReviewPolicies() {
    }
}
