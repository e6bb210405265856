package com.upgradecoordination.coordination.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.upgradecoordination.coordination.api.AssistingTeam;
import com.upgradecoordination.coordination.api.ClosingOutcome;
import com.upgradecoordination.coordination.api.EngagementOpenedEvent;
import com.upgradecoordination.coordination.api.InternalAssistanceAnsweredEvent;
import com.upgradecoordination.coordination.api.InternalAssistanceRequestedEvent;
import com.upgradecoordination.coordination.api.PlanAuthor;
import com.upgradecoordination.coordination.api.PlanReviewCompletedEvent;
import com.upgradecoordination.coordination.api.PlanSharedWithSupportEvent;
import com.upgradecoordination.coordination.api.ProfessionalServicesDeclinedEvent;
import com.upgradecoordination.coordination.api.ProfessionalServicesEngagedEvent;
import com.upgradecoordination.coordination.api.ProfessionalServicesRecommendedEvent;
import com.upgradecoordination.coordination.api.ProfessionalServicesStrength;
import com.upgradecoordination.coordination.api.RevisionOutcome;
import com.upgradecoordination.coordination.api.SupportReviewOutcomeReceivedEvent;
import com.upgradecoordination.coordination.api.SupportReviewRequestedEvent;
import com.upgradecoordination.coordination.api.SupportVerdict;
import com.upgradecoordination.coordination.domain.DeviationProcess.Step;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Each policy of the engagement on its own: the refusal it answers (rule, reason, recorded or not), or none. */
class EngagementPoliciesTest {

    static final EngagementProgress OPENED = EngagementProgress.opened();
    static final EngagementProgress SIZED = OPENED.withRequirementsRecorded();
    static final EngagementProgress CONFORMING = SIZED.withPlanSubmitted(1).withPlanCompared(false);
    static final EngagementProgress DEVIATING = SIZED.withPlanSubmitted(1).withPlanCompared(true);

    static void assertRefused(Optional<Refusal> verdict, String rule, String reason, boolean recorded) {
        assertThat(verdict).contains(new Refusal(rule, reason, recorded));
    }

    @Nested
    class Plans {

        @Test
        void aPlanNeedsTheRequirements() {
            assertRefused(PlanPolicies.requirementsFirst(OPENED), "plan-requires-requirements", "Record the customer's "
                    + "requirements first: a plan is compared with the reference architecture of their size", false);
            assertThat(PlanPolicies.requirementsFirst(SIZED)).isEmpty();
        }

        @Test
        void stepsOnAPlanNeedOneAndDeviationStepsADeviatingOne() {
            assertRefused(PlanPolicies.planFirst(SIZED, "start the migration"), "requires-plan",
                    "Submit a plan before you start the migration", false);
            assertThat(PlanPolicies.planFirst(CONFORMING, "start the migration")).isEmpty();
            assertRefused(PlanPolicies.deviatingPlanFirst(SIZED, "justify a deviation"), "requires-plan",
                    "Submit a plan before you justify a deviation", false);
            assertRefused(PlanPolicies.deviatingPlanFirst(CONFORMING, "justify a deviation"), "requires-deviating-plan",
                    "Plan version 1 conforms to the reference architecture; only a deviating plan needs you to "
                            + "justify a deviation", false);
            assertThat(PlanPolicies.deviatingPlanFirst(DEVIATING, "justify a deviation")).isEmpty();
        }
    }

    @Nested
    class MigrationAndClosing {

        @Test
        void aClosedEngagementTakesNoCommands() {
            assertThat(MigrationPolicies.stillOpen(CONFORMING, "e-1")).isEmpty();
            assertRefused(MigrationPolicies.stillOpen(CONFORMING.withClosed(), "e-1"), "engagement-closed",
                    "Engagement e-1 is closed; its history stays readable", false);
        }

        @Test
        void aDeviatingPlanIsMigratedToOnceAccepted() {
            assertThat(MigrationPolicies.acceptedPlanFirst(CONFORMING)).isEmpty();
            assertRefused(MigrationPolicies.acceptedPlanFirst(DEVIATING), "migration-requires-accepted-plan",
                    "Plan version 1 deviates and its deviation is not accepted yet", true);
            assertThat(MigrationPolicies.acceptedPlanFirst(DEVIATING.withDeviationAccepted(1))).isEmpty();
            assertRefused(MigrationPolicies.acceptedPlanFirst(DEVIATING.withDeviationAccepted(1).withPlanSubmitted(2)
                    .withPlanCompared(true)), "migration-requires-accepted-plan",
                    "Plan version 2 deviates and its deviation is not accepted yet", true);
        }

        @Test
        void theMigrationStartsOnceAndRunsUntilCompleted() {
            EngagementProgress started = CONFORMING.withMigrationStarted();
            assertThat(MigrationPolicies.notStartedYet(CONFORMING)).isEmpty();
            assertRefused(MigrationPolicies.notStartedYet(started), "migration-already-started",
                    "The migration has already started", false);
            assertRefused(MigrationPolicies.whileRunning(CONFORMING, "Only a running migration can complete"),
                    "no-migration-running", "Only a running migration can complete; it has not started", false);
            assertThat(MigrationPolicies.whileRunning(started, "Only a running migration can complete")).isEmpty();
            assertRefused(MigrationPolicies.whileRunning(started.withMigrationCompleted(), "Problems are reported "
                    + "while the migration runs"), "no-migration-running",
                    "Problems are reported while the migration runs; it has completed", false);
        }

        @Test
        void closedAsCompletedOnlyAfterTheMigration() {
            String reason = "Complete the migration before closing the engagement as completed (or close it as "
                    + "cancelled)";
            assertRefused(MigrationPolicies.completedAfterMigration(CONFORMING.withMigrationStarted(),
                    ClosingOutcome.COMPLETED), "completion-requires-migration", reason, true);
            assertThat(MigrationPolicies.completedAfterMigration(CONFORMING, ClosingOutcome.CANCELLED)).isEmpty();
            assertThat(MigrationPolicies.completedAfterMigration(
                    CONFORMING.withMigrationStarted().withMigrationCompleted(), ClosingOutcome.COMPLETED)).isEmpty();
        }
    }

    @Nested
    class ProfessionalServices {

        final ProfessionalServicesOffer offer = new ProfessionalServicesOffer();

        @Test
        void recommendedBeforeEngagedOrDeclined() {
            assertRefused(ProfessionalServicesPolicies.recommendedFirst(offer), "requires-requirements",
                    "Record the customer's requirements first: Professional Services are recommended on that basis",
                    false);
            offer.on(new ProfessionalServicesRecommendedEvent("e-1", ProfessionalServicesStrength.RECOMMENDED, 3000));
            assertThat(ProfessionalServicesPolicies.recommendedFirst(offer)).isEmpty();
        }

        @Test
        void engagedOnceAndDecidedOnce() {
            assertThat(ProfessionalServicesPolicies.engagedOnce(offer)).isEmpty();
            assertThat(ProfessionalServicesPolicies.decidedOnce(offer)).isEmpty();
            offer.on(new ProfessionalServicesDeclinedEvent("e-1", "in-house"));
            assertRefused(ProfessionalServicesPolicies.decidedOnce(offer), "professional-services-already-decided",
                    "The customer already declined Professional Services", false);
            offer.on(new ProfessionalServicesEngagedEvent("e-1"));
            assertRefused(ProfessionalServicesPolicies.engagedOnce(offer), "professional-services-already-engaged",
                    "Professional Services are already engaged", false);
            assertRefused(ProfessionalServicesPolicies.decidedOnce(offer), "professional-services-already-decided",
                    "The customer already engaged Professional Services", false);
        }

        @Test
        void afterADeclineTheCsmDocumentsAndTheCustomerPlans() {
            String documentationOnly = "The CSM provides reference documentation when the customer declined "
                    + "Professional Services";
            String customerPlans = "The customer declined Professional Services: the plan must come from the customer";
            assertRefused(ProfessionalServicesPolicies.documentationOnlyAfterDecline(offer),
                    "documentation-only-without-professional-services", documentationOnly, true);
            assertThat(ProfessionalServicesPolicies.planFromCustomerAfterDecline(offer, PlanAuthor.PROFESSIONAL_SERVICES)).isEmpty();
            offer.on(new ProfessionalServicesDeclinedEvent("e-1", "in-house"));
            assertThat(ProfessionalServicesPolicies.documentationOnlyAfterDecline(offer)).isEmpty();
            assertThat(ProfessionalServicesPolicies.planFromCustomerAfterDecline(offer, PlanAuthor.CUSTOMER)).isEmpty();
            assertRefused(ProfessionalServicesPolicies.planFromCustomerAfterDecline(offer, PlanAuthor.PROFESSIONAL_SERVICES),
                    "plan-author-must-be-customer", customerPlans, true);
            offer.on(new ProfessionalServicesEngagedEvent("e-1"));
            assertRefused(ProfessionalServicesPolicies.documentationOnlyAfterDecline(offer),
                    "documentation-only-without-professional-services", documentationOnly, true);
            assertThat(ProfessionalServicesPolicies.planFromCustomerAfterDecline(offer, PlanAuthor.PROFESSIONAL_SERVICES)).isEmpty();
        }
    }

    @Nested
    class InternalAssistance {

        final AssistanceRequests requests = new AssistanceRequests();

        @Test
        void aQuestionAskedIsAnsweredOnce() {
            requests.on(new EngagementOpenedEvent("e-1", "Acme", "casey", java.util.Set.of(), null));
            assertRefused(AssistancePolicies.asked(requests, "r-1"), "no-such-assistance-request",
                    "No assistance request r-1 on engagement e-1", false);
            requests.on(new InternalAssistanceRequestedEvent("e-1", "r-1", AssistingTeam.SUPPORT, "Which size?"));
            assertThat(AssistancePolicies.asked(requests, "r-1")).isEmpty();
            assertThat(AssistancePolicies.answeredOnce(requests, "r-1")).isEmpty();
            requests.on(new InternalAssistanceAnsweredEvent("e-1", "r-1", "3k"));
            assertRefused(AssistancePolicies.answeredOnce(requests, "r-1"), "assistance-already-answered",
                    "Assistance request r-1 is already answered", false);
        }
    }

    @Nested
    class PlanReviews {

        final com.upgradecoordination.coordination.domain.PlanReviews reviews =
                new com.upgradecoordination.coordination.domain.PlanReviews();

        @Test
        void oneReviewPerIdAndOnePendingPerVersion() {
            assertThat(PlanReviewPolicies.newPlanReview(reviews, "pr-1")).isEmpty();
            assertThat(PlanReviewPolicies.onePendingPerVersion(reviews, 1)).isEmpty();
            assertThat(PlanReviewPolicies.pending(reviews, "pr-1").map(Refusal::rule))
                    .contains("no-such-pending-plan-review");
            reviews.on(new PlanSharedWithSupportEvent("e-1", "pr-1", 1, "Acme", "casey", "3k", null, true, List.of()));
            assertThat(PlanReviewPolicies.newPlanReview(reviews, "pr-1").map(Refusal::rule))
                    .contains("plan-review-already-exists");
            assertRefused(PlanReviewPolicies.onePendingPerVersion(reviews, 1), "plan-review-already-pending",
                    "Plan version 1 is already with Support for review", false);
            assertThat(PlanReviewPolicies.pending(reviews, "pr-1")).isEmpty();
            reviews.on(new PlanReviewCompletedEvent("e-1", "pr-1", 1, List.of(), "fine", "sam", "SUPPORT"));
            assertThat(PlanReviewPolicies.newPlanReview(reviews, "pr-1").map(Refusal::rule))
                    .contains("plan-review-already-exists");
            assertThat(PlanReviewPolicies.onePendingPerVersion(reviews, 1)).isEmpty();
        }
    }

    @Nested
    class Deviations {

        final DeviationProcess started = DeviationProcess.startingOn(1);

        @Test
        void eachStepOncePerPlanVersion() {
            assertThat(DeviationPolicies.once(started, Step.EXPECTATIONS_SET, "expectations-already-set",
                    "Setting expectations")).isEmpty();
            assertRefused(DeviationPolicies.once(started.with(Step.EXPECTATIONS_SET, 1), Step.EXPECTATIONS_SET,
                    "expectations-already-set", "Setting expectations"), "expectations-already-set",
                    "Setting expectations is already recorded for plan version 1", false);
            assertRefused(DeviationPolicies.justifiedOnce(started.with(Step.DEVIATION_JUSTIFIED, 1)),
                    "deviation-already-justified", "The deviation of plan version 1 is already justified", false);
        }

        @Test
        void aJustificationFollowsTheReviewAndADiscussionThatRuledOutRevising() {
            assertRefused(DeviationPolicies.justificationAfterReviewAndDiscussion(started),
                    "justification-requires-review-and-discussion", "Before justifying the deviation of plan "
                            + "version 1, record that the customer reviewed the reference architecture and how a "
                            + "revision was discussed", true);
            DeviationProcess willRevise = started.with(Step.REFERENCE_ARCHITECTURE_REVIEWED, 1)
                    .withRevisionDiscussed(RevisionOutcome.WILL_REVISE, 1);
            assertThat(DeviationPolicies.justificationAfterReviewAndDiscussion(willRevise)).isEmpty();
            assertRefused(DeviationPolicies.noJustificationWhileCustomerRevises(willRevise), "customer-will-revise",
                    "The customer will revise the plan: submit the new plan version instead of justifying this one",
                    true);
            assertThat(DeviationPolicies.noJustificationWhileCustomerRevises(started.with(
                    Step.REFERENCE_ARCHITECTURE_REVIEWED, 1).withRevisionDiscussed(RevisionOutcome.CANNOT_REVISE, 1)))
                    .isEmpty();
        }

        @Test
        void performanceSharingAndTheSupportReviewWaitForTheirPrerequisites() {
            assertRefused(DeviationPolicies.performanceAfterExpectations(started), "performance-requires-expectations",
                    "Set the customer's expectations (performance and support may be affected) before reviewing "
                            + "their performance results", true);
            assertThat(DeviationPolicies.performanceAfterExpectations(started.with(Step.EXPECTATIONS_SET, 1)))
                    .isEmpty();
            assertRefused(DeviationPolicies.sharingAfterDocumentation(started), "sharing-requires-documentation",
                    "Record where the deviation is documented before sharing it with Support", false);
            assertThat(DeviationPolicies.sharingAfterDocumentation(started.with(Step.DOCUMENTATION_RECORDED, 1)))
                    .isEmpty();
            assertRefused(DeviationPolicies.supportReviewAfterJustificationExpectationsAndPerformance(started),
                    "review-requires-justification-expectations-and-performance", "Before asking Support to review "
                            + "plan version 1: justify the deviation, set expectations and submit the customer's "
                            + "performance results", true);
            assertThat(DeviationPolicies.supportReviewAfterJustificationExpectationsAndPerformance(started
                    .with(Step.DEVIATION_JUSTIFIED, 1).with(Step.EXPECTATIONS_SET, 1)
                    .with(Step.PERFORMANCE_COMPARED, 1))).isEmpty();
        }

        @Test
        void oneSupportReviewAtATimeAndOnlyThePendingOneIsAnswered() {
            DeviationReview review = new DeviationReview();
            assertThat(DeviationPolicies.onePendingSupportReview(review)).isEmpty();
            assertThat(DeviationPolicies.pendingSupportReview(review, "review-1").map(Refusal::rule))
                    .contains("no-such-pending-review");
            review.on(new SupportReviewRequestedEvent("e-1", "review-1", 1, "Acme", "casey", "3k", List.of(), null));
            assertRefused(DeviationPolicies.onePendingSupportReview(review), "review-already-pending",
                    "Support review review-1 of plan version 1 is still pending", false);
            assertThat(DeviationPolicies.pendingSupportReview(review, "review-1")).isEmpty();
            assertThat(DeviationPolicies.pendingSupportReview(review, "review-2").map(Refusal::rule))
                    .contains("no-such-pending-review");
            review.on(new SupportReviewOutcomeReceivedEvent("e-1", "review-1", 1, SupportVerdict.SUPPORTABLE,
                    List.of(), "sam", "SENIOR_SUPPORT_ENGINEER"));
            assertThat(DeviationPolicies.onePendingSupportReview(review)).isEmpty();
        }
    }
}
