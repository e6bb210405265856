package com.upgradecoordination.review.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.upgradecoordination.devsupport.SnapshotRoundTrip;
import com.upgradecoordination.review.api.PlanReviewAssignedEvent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The rules plan and support reviews share, and a plan review's own, each on its own. */
class ReviewPoliciesTest {

    static final ReviewCase NOT_YET_OPEN = new ReviewCase("Support review", null, null, false);
    static final ReviewCase OPEN = new ReviewCase("Support review", "review-1", "engagement-1", false);
    static final ReviewCase COMPLETED = new ReviewCase("Plan review", "plan-review-1", "engagement-1", true);

    @Nested
    class Shared {

        @Test
        void aReviewOpensOnceAndIsNamedByItsKind() {
            assertThat(ReviewPolicy.opensOnce.check(NOT_YET_OPEN, null, null)).isEmpty();
            assertThat(ReviewPolicy.opensOnce.check(OPEN, null, null)).contains(new Rejection(
                    "support-review-already-open", "Support review review-1 is already open for engagement engagement-1"));
        }

        @Test
        void aCompletedReviewTakesNoMoreWork() {
            assertThat(ReviewPolicy.stillOpen.check(OPEN, "sam", "SUPPORT_MANAGER")).isEmpty();
            assertThat(ReviewPolicy.stillOpen.check(COMPLETED, "sam", "SUPPORT_MANAGER")).contains(new Rejection(
                    "plan-review-already-completed", "Plan review plan-review-1 is already completed"));
        }

        @Test
        void onlyTheNamedRolesAct() {
            ReviewPolicy seniors = ReviewPolicy.actorIn(Set.of("SENIOR_SUPPORT_ENGINEER"), "senior-required",
                    "Only seniors");
            assertThat(seniors.check(OPEN, "sam", "SENIOR_SUPPORT_ENGINEER")).isEmpty();
            assertThat(seniors.check(OPEN, "sue", "SUPPORT_ENGINEER"))
                    .contains(new Rejection("senior-required", "Only seniors; sue acts as SUPPORT_ENGINEER"));
            assertThat(seniors.check(OPEN, "sue", null))
                    .contains(new Rejection("senior-required", "Only seniors; sue acts as null"));
        }
    }

    @Nested
    class PlanReviewsOwn {

        static PlanReview review(Object... events) {
            return SnapshotRoundTrip.replay(PlanReview.class, PlanReviewTest.ID, List.of(events));
        }

        @Test
        void assignmentChangesHands() {
            PlanReview assigned = review(PlanReviewTest.OPENED,
                    new PlanReviewAssignedEvent(PlanReviewTest.ID, PlanReviewTest.ENGAGEMENT, "sue", "SUPPORT_ENGINEER"));
            assertThat(PlanReviewPolicy.toAnotherAssignee.check(assigned, "sue", false)).contains(new Rejection(
                    "plan-review-already-assigned", "Plan review plan-review-1 is already assigned to sue"));
            assertThat(PlanReviewPolicy.toAnotherAssignee.check(assigned, "sam", false)).isEmpty();
        }

        @Test
        void feedbackStaysWithinWhatACompletionCarries() {
            List<Object> full = new ArrayList<>(List.of(PlanReviewTest.OPENED));
            full.addAll(Collections.nCopies(PlanReview.MAX_FEEDBACK_ITEMS - 1, PlanReviewTest.ROLLBACK_FEEDBACK));
            assertThat(PlanReviewPolicy.roomForFeedback.check(review(full.toArray()), "sue", false)).isEmpty();
            full.add(PlanReviewTest.ROLLBACK_FEEDBACK);
            assertThat(PlanReviewPolicy.roomForFeedback.check(review(full.toArray()), "sue", false))
                    .contains(new Rejection("plan-review-feedback-limit-reached", "Plan review plan-review-1 already has "
                            + PlanReview.MAX_FEEDBACK_ITEMS + " feedback items; summarise the rest when completing it"));
        }

        @Test
        void aCompletionHasFeedbackOrStatesNoConcernsNeverBoth() {
            PlanReview empty = review(PlanReviewTest.OPENED);
            PlanReview withFeedback = review(PlanReviewTest.OPENED, PlanReviewTest.ROLLBACK_FEEDBACK);
            assertThat(PlanReviewPolicy.feedbackOrNoConcerns.check(empty, "sue", true)).isEmpty();
            assertThat(PlanReviewPolicy.feedbackOrNoConcerns.check(empty, "sue", false)).contains(new Rejection(
                    "plan-review-feedback-required", "Plan review plan-review-1 has no feedback; give feedback, or "
                            + "complete it stating that the plan raises no concerns"));
            assertThat(PlanReviewPolicy.noConcernsWithoutFeedback.check(withFeedback, "sue", false)).isEmpty();
            assertThat(PlanReviewPolicy.noConcernsWithoutFeedback.check(withFeedback, "sue", true)).contains(
                    new Rejection("plan-review-has-feedback", "Plan review plan-review-1 has 1 feedback item(s), so it "
                            + "cannot be completed as raising no concerns"));
        }
    }
}
