package com.upgradecoordination.coordination.domain;

import static com.upgradecoordination.coordination.domain.Refusal.allow;
import static com.upgradecoordination.coordination.domain.Refusal.refuse;
import static com.upgradecoordination.coordination.domain.Refusal.refuseAndRecord;

import com.upgradecoordination.coordination.domain.DeviationProcess.Step;
import java.util.Optional;

/** The rules of the deviation process (SPEC C6 a-h), read off the latest plan's {@link DeviationProcess}. */
final class DeviationPolicies {

    /** Each step once per plan version; {@code what} names it, e.g. "Setting expectations". */
    static Optional<Refusal> once(DeviationProcess process, Step step, String rule, String what) {
        return process.isDone(step)
                ? refuse(rule, what + " is already recorded for plan version " + process.planVersion()) : allow();
    }

    static Optional<Refusal> justifiedOnce(DeviationProcess process) {
        return process.isDone(Step.DEVIATION_JUSTIFIED) ? refuse("deviation-already-justified",
                "The deviation of plan version " + process.planVersion() + " is already justified") : allow();
    }

    /** c after a and b. */
    static Optional<Refusal> justificationAfterReviewAndDiscussion(DeviationProcess process) {
        return afterPrerequisites(process, Step.DEVIATION_JUSTIFIED, refuseAndRecord(
                "justification-requires-review-and-discussion",
                "Before justifying the deviation of plan version " + process.planVersion() + ", record that the "
                        + "customer reviewed the reference architecture and how a revision was discussed"));
    }

    /** A customer who will revise the plan submits a new version instead of a justification. */
    static Optional<Refusal> noJustificationWhileCustomerRevises(DeviationProcess process) {
        return process.awaitsRevisedPlan() ? refuseAndRecord("customer-will-revise",
                "The customer will revise the plan: submit the new plan version instead of justifying this one")
                : allow();
    }

    /** e after d. */
    static Optional<Refusal> performanceAfterExpectations(DeviationProcess process) {
        return afterPrerequisites(process, Step.PERFORMANCE_COMPARED, refuseAndRecord(
                "performance-requires-expectations",
                "Set the customer's expectations (performance and support may be affected) before reviewing "
                        + "their performance results"));
    }

    /** h: the documentation is shared once its location is recorded. */
    static Optional<Refusal> sharingAfterDocumentation(DeviationProcess process) {
        return afterPrerequisites(process, Step.DOCUMENTATION_SHARED_WITH_SUPPORT, refuse(
                "sharing-requires-documentation",
                "Record where the deviation is documented before sharing it with Support"));
    }

    /** f after c, d and e. */
    static Optional<Refusal> supportReviewAfterJustificationExpectationsAndPerformance(DeviationProcess process) {
        return afterPrerequisites(process, Step.SUPPORT_REVIEW_REQUESTED, refuseAndRecord(
                "review-requires-justification-expectations-and-performance",
                "Before asking Support to review plan version " + process.planVersion() + ": justify the deviation, "
                        + "set expectations and submit the customer's performance results"));
    }

    /** One support review at a time. */
    static Optional<Refusal> onePendingSupportReview(DeviationReview review) {
        return review.pendingReviewId() == null ? allow() : refuse("review-already-pending",
                "Support review " + review.pendingReviewId() + " of plan version " + review.pendingReviewPlanVersion()
                        + " is still pending");
    }

    /** Support's verdict answers the pending review, no other. */
    static Optional<Refusal> pendingSupportReview(DeviationReview review, String reviewId) {
        return review.pendingReviewId() != null && review.pendingReviewId().equals(reviewId) ? allow() : refuse(
                "no-such-pending-review",
                "No support review " + reviewId + " is pending on engagement " + review.engagementId());
    }

    /** Allows {@code step} once the steps before it are done (see {@link DeviationProcess}); until then {@code refusal}. */
    private static Optional<Refusal> afterPrerequisites(DeviationProcess process, Step step, Optional<Refusal> refusal) {
        return process.missingBefore(step).isEmpty() ? allow() : refusal;
    }

    private DeviationPolicies() {
    }
}
