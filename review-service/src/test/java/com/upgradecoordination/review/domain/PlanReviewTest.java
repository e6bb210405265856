package com.upgradecoordination.review.domain;

import static com.upgradecoordination.review.domain.SupportReviewTest.rule;

import com.upgradecoordination.review.api.AssignPlanReviewCommand;
import com.upgradecoordination.review.api.CompletePlanReviewCommand;
import com.upgradecoordination.review.api.GivePlanReviewFeedbackCommand;
import com.upgradecoordination.review.api.OpenPlanReviewCommand;
import com.upgradecoordination.review.api.PlanFeedback;
import com.upgradecoordination.review.api.PlanFeedbackTopic;
import com.upgradecoordination.review.api.PlanReviewAssignedEvent;
import com.upgradecoordination.review.api.PlanReviewCompletedEvent;
import com.upgradecoordination.review.api.PlanReviewFeedbackGivenEvent;
import com.upgradecoordination.review.api.PlanReviewOpenedEvent;
import com.upgradecoordination.review.api.ReviewedDeviation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PlanReviewTest {

    static final String ID = "plan-review-1";
    static final String ENGAGEMENT = "engagement-1";
    static final String PLAN_URL = "https://gitlab.example/acme/upgrade/-/wikis/plan-v3";
    static final List<ReviewedDeviation> GITALY_UNDERSIZED =
            List.of(new ReviewedDeviation("gitaly", "3x4/15", "1x4/15", "UNDERSIZED"));

    static final PlanReviewOpenedEvent OPENED = new PlanReviewOpenedEvent(ID, ENGAGEMENT, 3, "Acme Corp",
            "casey.csm", "3k", PLAN_URL, false, GITALY_UNDERSIZED);
    static final PlanReviewFeedbackGivenEvent ROLLBACK_FEEDBACK = new PlanReviewFeedbackGivenEvent(ID, ENGAGEMENT,
            PlanFeedbackTopic.ROLLBACK_PLAN, "Take a backup before the first stop");
    static final PlanReviewFeedbackGivenEvent ARCHITECTURE_FEEDBACK = new PlanReviewFeedbackGivenEvent(ID,
            ENGAGEMENT, PlanFeedbackTopic.ARCHITECTURE, "Gitaly needs three nodes at 3k");
    static final PlanReviewCompletedEvent COMPLETED = new PlanReviewCompletedEvent(ID, ENGAGEMENT, 3,
            List.of(new PlanFeedback(PlanFeedbackTopic.ROLLBACK_PLAN, "Take a backup before the first stop")),
            "Fine once the rollback is covered", "sue.engineer", "SUPPORT_ENGINEER");

    static OpenPlanReviewCommand open(boolean conforms, List<ReviewedDeviation> deviations) {
        return new OpenPlanReviewCommand(ID, ENGAGEMENT, 3, " Acme Corp ", "casey.csm", "3k", " " + PLAN_URL + " ",
                conforms, deviations);
    }

    static GivePlanReviewFeedbackCommand feedback(PlanFeedbackTopic topic, String text, String role) {
        return new GivePlanReviewFeedbackCommand(ID, topic, text, "sue.engineer", role, null);
    }

    static CompletePlanReviewCommand complete(String summary, boolean noConcerns, String role) {
        return new CompletePlanReviewCommand(ID, summary, noConcerns, "sue.engineer", role, null);
    }

    static AssignPlanReviewCommand assign(String assignee, String role) {
        return new AssignPlanReviewCommand(ID, assignee, role, null);
    }

    FixtureConfiguration<PlanReview> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(PlanReview.class);
    }

    @Nested
    class Opening {

        @Test
        void opensAReviewOfADeviatingPlan() {
            fixture.givenNoPriorActivity()
                    .when(open(false, GITALY_UNDERSIZED))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(OPENED);
        }

        @Test
        void opensAReviewOfAConformingPlanWithoutDocumentLink() {
            fixture.givenNoPriorActivity()
                    .when(new OpenPlanReviewCommand(ID, ENGAGEMENT, 1, "Acme Corp", "casey.csm", "3k", " ", true,
                            null))
                    .expectEvents(new PlanReviewOpenedEvent(ID, ENGAGEMENT, 1, "Acme Corp", "casey.csm", "3k", null,
                            true, List.of()));
        }

        @Test
        void refusesToOpenTheSameReviewTwice() {
            fixture.given(OPENED)
                    .when(open(false, GITALY_UNDERSIZED))
                    .expectException(rule("plan-review-already-open"))
                    .expectExceptionMessage("Plan review plan-review-1 is already open for engagement engagement-1")
                    .expectNoEvents();
        }

        @Test
        void refusesAConformingPlanWithDeviations() {
            fixture.givenNoPriorActivity()
                    .when(open(true, GITALY_UNDERSIZED))
                    .expectException(IllegalArgumentException.class)
                    .expectExceptionMessage("deviations: a plan that conforms to its reference architecture has none")
                    .expectNoEvents();
        }

        @Test
        void refusesADeviatingPlanWithoutDeviations() {
            fixture.givenNoPriorActivity()
                    .when(open(false, List.of()))
                    .expectException(IllegalArgumentException.class)
                    .expectExceptionMessage("deviations: a plan that does not conform names at least one deviation")
                    .expectNoEvents();
        }

        @Test
        void refusesADeviationWithoutComponent() {
            fixture.givenNoPriorActivity()
                    .when(open(false, List.of(new ReviewedDeviation(" ", "3x4/15", "1x4/15", "UNDERSIZED"))))
                    .expectException(IllegalArgumentException.class)
                    .expectExceptionMessage("deviations.component: required")
                    .expectNoEvents();
        }

        @Test
        void refusesAReviewWithoutEngagement() {
            fixture.givenNoPriorActivity()
                    .when(new OpenPlanReviewCommand(ID, null, 3, "Acme Corp", "casey.csm", "3k", null, true,
                            List.of()))
                    .expectException(IllegalArgumentException.class)
                    .expectExceptionMessage("engagementId: required")
                    .expectNoEvents();
        }

        @Test
        void refusesAReviewWithoutPlanVersion() {
            fixture.givenNoPriorActivity()
                    .when(new OpenPlanReviewCommand(ID, ENGAGEMENT, 0, "Acme Corp", "casey.csm", "3k", null, true,
                            List.of()))
                    .expectException(IllegalArgumentException.class)
                    .expectExceptionMessage("planVersion: at least 1")
                    .expectNoEvents();
        }

        @Test
        void refusesAnOverlongDocumentLink() {
            fixture.givenNoPriorActivity()
                    .when(new OpenPlanReviewCommand(ID, ENGAGEMENT, 3, "Acme Corp", "casey.csm", "3k",
                            "https://x/" + "a".repeat(PlanReview.MAX_URL), true, List.of()))
                    .expectException(IllegalArgumentException.class)
                    .expectExceptionMessage("planDocumentUrl: at most 2000 characters")
                    .expectNoEvents();
        }
    }

    @Nested
    class Assignment {

        @ParameterizedTest
        @ValueSource(strings = {"SUPPORT_ENGINEER", "SENIOR_SUPPORT_ENGINEER", "SUPPORT_MANAGER"})
        void aSupportEngineerTakesTheReview(String role) {
            fixture.given(OPENED)
                    .when(assign(" sue.engineer ", role))
                    .expectEvents(new PlanReviewAssignedEvent(ID, ENGAGEMENT, "sue.engineer", role));
        }

        @Test
        void anotherEngineerTakesItOver() {
            fixture.given(OPENED, new PlanReviewAssignedEvent(ID, ENGAGEMENT, "sue.engineer", "SUPPORT_ENGINEER"))
                    .when(assign("sam.senior", "SENIOR_SUPPORT_ENGINEER"))
                    .expectEvents(new PlanReviewAssignedEvent(ID, ENGAGEMENT, "sam.senior", "SENIOR_SUPPORT_ENGINEER"));
        }

        @Test
        void refusesToAssignItAgainToItsAssignee() {
            fixture.given(OPENED, new PlanReviewAssignedEvent(ID, ENGAGEMENT, "sue.engineer", "SUPPORT_ENGINEER"))
                    .when(assign("sue.engineer", "SUPPORT_ENGINEER"))
                    .expectException(rule("plan-review-already-assigned"))
                    .expectExceptionMessage("Plan review plan-review-1 is already assigned to sue.engineer")
                    .expectNoEvents();
        }

        @ParameterizedTest
        @ValueSource(strings = {"CSM", "PROSERV", "AUDITOR", "INTEGRATION"})
        void refusesAnyoneOutsideSupport(String role) {
            fixture.given(OPENED)
                    .when(assign("casey.csm", role))
                    .expectException(rule("support-role-required"))
                    .expectExceptionMessage("Only Support engineers work on plan reviews; casey.csm acts as " + role)
                    .expectNoEvents();
        }

        @Test
        void refusesACompletedReview() {
            fixture.given(OPENED, ROLLBACK_FEEDBACK, COMPLETED)
                    .when(assign("sam.senior", "SENIOR_SUPPORT_ENGINEER"))
                    .expectException(rule("plan-review-already-completed"))
                    .expectNoEvents();
        }
    }

    @Nested
    class Feedback {

        @ParameterizedTest
        @ValueSource(strings = {"SUPPORT_ENGINEER", "SENIOR_SUPPORT_ENGINEER", "SUPPORT_MANAGER"})
        void aSupportEngineerGivesFeedback(String role) {
            fixture.given(OPENED)
                    .when(feedback(PlanFeedbackTopic.ROLLBACK_PLAN, " Take a backup before the first stop ", role))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(ROLLBACK_FEEDBACK);
        }

        @Test
        void feedbackNeedsNoAssignment() {
            fixture.given(OPENED, new PlanReviewAssignedEvent(ID, ENGAGEMENT, "sam.senior", "SENIOR_SUPPORT_ENGINEER"))
                    .when(feedback(PlanFeedbackTopic.ROLLBACK_PLAN, "Take a backup before the first stop",
                            "SUPPORT_ENGINEER"))
                    .expectEvents(ROLLBACK_FEEDBACK);
        }

        @ParameterizedTest
        @ValueSource(strings = {"CSM", "PROSERV", "AUDITOR", "INTEGRATION"})
        void refusesAnyoneOutsideSupport(String role) {
            fixture.given(OPENED)
                    .when(feedback(PlanFeedbackTopic.OTHER, "Looks fine", role))
                    .expectException(rule("support-role-required"))
                    .expectNoEvents();
        }

        @Test
        void refusesFeedbackWithoutTopic() {
            fixture.given(OPENED)
                    .when(feedback(null, "Looks fine", "SUPPORT_ENGINEER"))
                    .expectException(IllegalArgumentException.class)
                    .expectExceptionMessage("topic: required")
                    .expectNoEvents();
        }

        @Test
        void refusesBlankFeedback() {
            fixture.given(OPENED)
                    .when(feedback(PlanFeedbackTopic.OTHER, " ", "SUPPORT_ENGINEER"))
                    .expectException(IllegalArgumentException.class)
                    .expectExceptionMessage("text: required")
                    .expectNoEvents();
        }

        @Test
        void refusesOverlongFeedback() {
            fixture.given(OPENED)
                    .when(feedback(PlanFeedbackTopic.OTHER, "a".repeat(PlanReview.MAX_TEXT + 1), "SUPPORT_ENGINEER"))
                    .expectException(IllegalArgumentException.class)
                    .expectExceptionMessage("text: at most 4000 characters")
                    .expectNoEvents();
        }

        @Test
        void refusesFeedbackAfterCompletion() {
            fixture.given(OPENED, ROLLBACK_FEEDBACK, COMPLETED)
                    .when(feedback(PlanFeedbackTopic.OTHER, "One more thing", "SUPPORT_MANAGER"))
                    .expectException(rule("plan-review-already-completed"))
                    .expectExceptionMessage("Plan review plan-review-1 is already completed")
                    .expectNoEvents();
        }

        @Test
        void refusesFeedbackBeyondTheLimit() {
            List<Object> history = new ArrayList<>(List.of(OPENED));
            history.addAll(Collections.nCopies(PlanReview.MAX_FEEDBACK_ITEMS, ROLLBACK_FEEDBACK));
            fixture.given(history)
                    .when(feedback(PlanFeedbackTopic.OTHER, "One too many", "SUPPORT_ENGINEER"))
                    .expectException(rule("plan-review-feedback-limit-reached"))
                    .expectNoEvents();
        }
    }

    @Nested
    class Completion {

        @ParameterizedTest
        @ValueSource(strings = {"SUPPORT_ENGINEER", "SENIOR_SUPPORT_ENGINEER", "SUPPORT_MANAGER"})
        void aSupportEngineerCompletesItWithEveryFeedbackItemInOrder(String role) {
            fixture.given(OPENED, ROLLBACK_FEEDBACK, ARCHITECTURE_FEEDBACK)
                    .when(complete(" Fine with the two changes ", false, role))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new PlanReviewCompletedEvent(ID, ENGAGEMENT, 3, List.of(
                            new PlanFeedback(PlanFeedbackTopic.ROLLBACK_PLAN, "Take a backup before the first stop"),
                            new PlanFeedback(PlanFeedbackTopic.ARCHITECTURE, "Gitaly needs three nodes at 3k")),
                            "Fine with the two changes", "sue.engineer", role));
        }

        @Test
        void aPlanWithoutConcernsIsCompletedWhenTheReviewerSaysSo() {
            fixture.given(OPENED)
                    .when(complete("A sound plan", true, "SUPPORT_ENGINEER"))
                    .expectEvents(new PlanReviewCompletedEvent(ID, ENGAGEMENT, 3, List.of(), "A sound plan",
                            "sue.engineer", "SUPPORT_ENGINEER"));
        }

        @Test
        void refusesACompletionWithoutFeedbackOrStatementOfNoConcerns() {
            fixture.given(OPENED)
                    .when(complete("A sound plan", false, "SUPPORT_ENGINEER"))
                    .expectException(rule("plan-review-feedback-required"))
                    .expectExceptionMessage("Plan review plan-review-1 has no feedback; give feedback, or complete "
                            + "it stating that the plan raises no concerns")
                    .expectNoEvents();
        }

        @Test
        void refusesNoConcernsWhenFeedbackWasGiven() {
            fixture.given(OPENED, ROLLBACK_FEEDBACK)
                    .when(complete("A sound plan", true, "SUPPORT_ENGINEER"))
                    .expectException(rule("plan-review-has-feedback"))
                    .expectNoEvents();
        }

        @Test
        void refusesACompletionWithoutSummary() {
            fixture.given(OPENED, ROLLBACK_FEEDBACK)
                    .when(complete(" ", false, "SUPPORT_ENGINEER"))
                    .expectException(IllegalArgumentException.class)
                    .expectExceptionMessage("summary: required")
                    .expectNoEvents();
        }

        @ParameterizedTest
        @ValueSource(strings = {"CSM", "PROSERV", "AUDITOR", "INTEGRATION"})
        void refusesAnyoneOutsideSupport(String role) {
            fixture.given(OPENED, ROLLBACK_FEEDBACK)
                    .when(complete("Fine", false, role))
                    .expectException(rule("support-role-required"))
                    .expectExceptionMessage("Only Support engineers work on plan reviews; sue.engineer acts as " + role)
                    .expectNoEvents();
        }

        @Test
        void refusesToCompleteTwice() {
            fixture.given(OPENED, ROLLBACK_FEEDBACK, COMPLETED)
                    .when(complete("Again", false, "SUPPORT_MANAGER"))
                    .expectException(rule("plan-review-already-completed"))
                    .expectNoEvents();
        }

        @Test
        void aCompletionBasedOnAVersionTheReviewNeverHadIsRefused() {
            fixture.given(OPENED, ROLLBACK_FEEDBACK)
                    .when(new CompletePlanReviewCommand(ID, "Fine", false, "sue.engineer", "SUPPORT_ENGINEER", 5L))
                    .expectException(ConflictingAggregateVersionException.class)
                    .expectNoEvents();
        }
    }
}
