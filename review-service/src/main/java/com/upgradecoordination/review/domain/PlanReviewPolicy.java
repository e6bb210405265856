package com.upgradecoordination.review.domain;

import static com.upgradecoordination.review.domain.Rejection.because;
import static com.upgradecoordination.review.domain.Rejection.none;

import java.util.List;
import java.util.Optional;

/**
 * The rules of a plan review's own (SPEC C7, T11), beside those it shares ({@link ReviewPolicy}):
 * assignment changes hands, feedback stays within what one completion can carry, and a completion
 * has feedback or states that the plan raises no concerns, never both.
 */
@FunctionalInterface
interface PlanReviewPolicy {

    /**
     * @param actor      who acts, stripped
     * @param noConcerns whether a completion states that the plan raises no concerns
     */
    Optional<Rejection> check(PlanReview review, String actor, boolean noConcerns);

    PlanReviewPolicy toAnotherAssignee = (review, actor, noConcerns) -> actor.equals(review.assignee())
            ? because("plan-review-already-assigned",
                    "Plan review " + review.planReviewId() + " is already assigned to " + review.assignee())
            : none();

    PlanReviewPolicy roomForFeedback = (review, actor, noConcerns) ->
            review.feedbackItems() < PlanReview.MAX_FEEDBACK_ITEMS ? none()
                    : because("plan-review-feedback-limit-reached", "Plan review " + review.planReviewId()
                            + " already has " + PlanReview.MAX_FEEDBACK_ITEMS
                            + " feedback items; summarise the rest when completing it");

    /** An empty review is a decision, not an oversight. */
    PlanReviewPolicy feedbackOrNoConcerns = (review, actor, noConcerns) ->
            review.feedbackItems() == 0 && !noConcerns
                    ? because("plan-review-feedback-required", "Plan review " + review.planReviewId()
                            + " has no feedback; give feedback, or complete it stating that the plan raises no concerns")
                    : none();

    PlanReviewPolicy noConcernsWithoutFeedback = (review, actor, noConcerns) ->
            review.feedbackItems() > 0 && noConcerns
                    ? because("plan-review-has-feedback", "Plan review " + review.planReviewId() + " has "
                            + review.feedbackItems() + " feedback item(s), so it cannot be completed as raising no concerns")
                    : none();

    List<PlanReviewPolicy> ASSIGNING = List.of(toAnotherAssignee);

    List<PlanReviewPolicy> GIVING_FEEDBACK = List.of(roomForFeedback);

    List<PlanReviewPolicy> COMPLETING = List.of(feedbackOrNoConcerns, noConcernsWithoutFeedback);
}
