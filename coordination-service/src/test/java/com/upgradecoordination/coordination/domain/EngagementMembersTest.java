package com.upgradecoordination.coordination.domain;

import static com.upgradecoordination.coordination.domain.EngagementTest.GITALY_UNDERSIZED;
import static com.upgradecoordination.coordination.domain.EngagementTest.ID;
import static com.upgradecoordination.coordination.domain.EngagementTest.MATCHED_3K;
import static com.upgradecoordination.coordination.domain.EngagementTest.OPENED;
import static com.upgradecoordination.coordination.domain.EngagementTest.RECOMMENDED_3K;
import static com.upgradecoordination.coordination.domain.EngagementTest.REQUIREMENTS_3K;
import static com.upgradecoordination.coordination.domain.EngagementTest.conforming3k;
import static com.upgradecoordination.coordination.domain.EngagementTest.deviating3k;
import static com.upgradecoordination.coordination.domain.EngagementTest.planSubmitted;
import static org.assertj.core.api.Assertions.assertThat;

import com.upgradecoordination.coordination.api.AnswerInternalAssistanceCommand;
import com.upgradecoordination.coordination.api.ArchitectureConformsEvent;
import com.upgradecoordination.coordination.api.ArchitectureDeviationDetectedEvent;
import com.upgradecoordination.coordination.api.AssistingTeam;
import com.upgradecoordination.coordination.api.ClosingOutcome;
import com.upgradecoordination.coordination.api.CompleteMigrationCommand;
import com.upgradecoordination.coordination.api.ConfirmReferenceArchitectureReviewedCommand;
import com.upgradecoordination.coordination.api.EngageProfessionalServicesCommand;
import com.upgradecoordination.coordination.api.EngagementClosedEvent;
import com.upgradecoordination.coordination.api.InternalAssistanceAnsweredEvent;
import com.upgradecoordination.coordination.api.InternalAssistanceRequestedEvent;
import com.upgradecoordination.coordination.api.MigrationCompletedEvent;
import com.upgradecoordination.coordination.api.MigrationStartedEvent;
import com.upgradecoordination.coordination.api.PlanReviewCompletedEvent;
import com.upgradecoordination.coordination.api.PlanSharedWithSupportEvent;
import com.upgradecoordination.coordination.api.ProfessionalServicesDeclinedEvent;
import com.upgradecoordination.coordination.api.ProfessionalServicesEngagedEvent;
import com.upgradecoordination.coordination.api.ProfessionalServicesRecommendedEvent;
import com.upgradecoordination.coordination.api.ProfessionalServicesStrength;
import com.upgradecoordination.coordination.api.ReportMigrationProblemCommand;
import com.upgradecoordination.coordination.api.RequestInternalAssistanceCommand;
import com.upgradecoordination.coordination.api.ReturnedToPlanningEvent;
import com.upgradecoordination.coordination.api.SharePlanWithSupportCommand;
import com.upgradecoordination.coordination.api.StartMigrationCommand;
import com.upgradecoordination.coordination.api.SupportReviewOutcomeReceivedEvent;
import com.upgradecoordination.coordination.api.SupportReviewRequestedEvent;
import com.upgradecoordination.coordination.api.SupportVerdict;
import com.upgradecoordination.coordination.api.TimelineRiskFlaggedEvent;
import com.upgradecoordination.devsupport.SnapshotRoundTrip;
import com.upgradecoordination.platform.domain.RuleViolationException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The engagement as a root with members: what crosses from the root to its members and back. */
class EngagementMembersTest {

    final Object[] conformingPlan = {OPENED, REQUIREMENTS_3K, MATCHED_3K, RECOMMENDED_3K,
        planSubmitted(1, conforming3k()), new ArchitectureConformsEvent(ID, 1, "3k")};
    final EngagementClosedEvent cancelled = new EngagementClosedEvent(ID, ClosingOutcome.CANCELLED, null);

    FixtureConfiguration<Engagement> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Engagement.class);
        fixture.registerInjectableResource(EngagementTest.CATALOG);
        fixture.registerInjectableResource(EngagementTest.TODAY);
    }

    @Test
    void aClosedEngagementRefusesTheCommandsOfItsMembersToo() {
        List<Object> commands = List.of(new EngageProfessionalServicesCommand(ID, null),
                new RequestInternalAssistanceCommand(ID, "request-1", AssistingTeam.SUPPORT, "Which size?", null),
                new AnswerInternalAssistanceCommand(ID, "request-1", "3k", null),
                new ConfirmReferenceArchitectureReviewedCommand(ID, null),
                new SharePlanWithSupportCommand(ID, "plan-review-1", null));
        for (Object command : commands) {
            fixture.given(conformingPlan).andGiven(cancelled)
                    .when(command)
                    .expectException(RuleViolationException.class)
                    .expectExceptionMessage("Engagement engagement-1 is closed; its history stays readable")
                    .expectNoEvents();
        }
    }

    @Test
    void theMigrationStartsOnceAndOnlyARunningOneTakesProblemsOrCompletes() {
        MigrationStartedEvent started = new MigrationStartedEvent(ID, 1);
        fixture.given(OPENED)
                .when(new StartMigrationCommand(ID, null))
                .expectExceptionMessage("Submit a plan before you start the migration")
                .expectNoEvents();
        fixture.given(conformingPlan).andGiven(started)
                .when(new StartMigrationCommand(ID, null))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage("The migration has already started")
                .expectNoEvents();
        fixture.given(conformingPlan)
                .when(new ReportMigrationProblemCommand(ID, "problem-1", "too early", null))
                .expectExceptionMessage("Problems are reported while the migration runs; it has not started")
                .expectNoEvents();
        fixture.given(conformingPlan).andGiven(started, new MigrationCompletedEvent(ID, 1))
                .when(new ReportMigrationProblemCommand(ID, "problem-1", "too late", null))
                .expectExceptionMessage("Problems are reported while the migration runs; it has completed")
                .expectNoEvents();
        fixture.given(conformingPlan)
                .when(new CompleteMigrationCommand(ID, null))
                .expectExceptionMessage("Only a running migration can complete; it has not started")
                .expectNoEvents();
    }

    @Test
    void theRootLeavesTheEventsOfItsCaseFileToIt() {
        // Axon calls one event-sourcing handler per event and object: one in Engagement would hide CaseFile's
        assertThat(eventsSourcedBy(Engagement.class)).isNotEmpty()
                .doesNotContainAnyElementsOf(eventsSourcedBy(CaseFile.class));
    }

    static Set<Class<?>> eventsSourcedBy(Class<?> type) {
        return Arrays.stream(type.getDeclaredMethods())
                .filter(method -> method.isAnnotationPresent(EventSourcingHandler.class))
                .map(method -> method.getParameterTypes()[0])
                .collect(Collectors.toSet());
    }

    @Test
    void everyStateOfEveryMemberSurvivesASnapshot() {
        SnapshotRoundTrip.assertEveryStateSurvivesASnapshot(Engagement.class, ID, OPENED, REQUIREMENTS_3K, MATCHED_3K,
                new ProfessionalServicesRecommendedEvent(ID, ProfessionalServicesStrength.HIGHLY_RECOMMENDED, 6000),
                new TimelineRiskFlaggedEvent(ID, 6000, LocalDate.of(2026, 11, 21), LocalDate.of(2027, 1, 31)),
                new ProfessionalServicesDeclinedEvent(ID, "in-house"), new ProfessionalServicesEngagedEvent(ID),
                planSubmitted(1, deviating3k()), new ArchitectureDeviationDetectedEvent(ID, 1, "3k", GITALY_UNDERSIZED),
                new PlanSharedWithSupportEvent(ID, "plan-review-1", 1, "Acme Corp", "casey.csm", "3k",
                        "https://wiki.example/plan", false, GITALY_UNDERSIZED),
                new PlanReviewCompletedEvent(ID, "plan-review-1", 1, List.of("Add Gitaly nodes"), "Deviates",
                        "sue.engineer", "SUPPORT_ENGINEER"),
                new SupportReviewRequestedEvent(ID, "review-1", 1, "Acme Corp", "casey.csm", "3k", GITALY_UNDERSIZED,
                        null),
                new SupportReviewOutcomeReceivedEvent(ID, "review-1", 1, SupportVerdict.NOT_SUPPORTABLE, List.of(),
                        "sam.senior", "SENIOR_SUPPORT_ENGINEER"),
                new ReturnedToPlanningEvent(ID, 1, "Support found plan version 1 not supportable"),
                new InternalAssistanceRequestedEvent(ID, "request-1", AssistingTeam.SUPPORT, "Which size?"),
                new InternalAssistanceAnsweredEvent(ID, "request-1", "3k"),
                planSubmitted(2, conforming3k()), new ArchitectureConformsEvent(ID, 2, "3k"),
                new MigrationStartedEvent(ID, 2), new MigrationCompletedEvent(ID, 2),
                new EngagementClosedEvent(ID, ClosingOutcome.COMPLETED, "done"));
    }
}
