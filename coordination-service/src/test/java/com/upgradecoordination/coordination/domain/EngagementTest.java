package com.upgradecoordination.coordination.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.upgradecoordination.coordination.api.ArchitectureConformsEvent;
import com.upgradecoordination.coordination.api.ArchitectureDeviationDetectedEvent;
import com.upgradecoordination.coordination.api.DeploymentType;
import com.upgradecoordination.coordination.api.Deviation;
import com.upgradecoordination.coordination.api.DeviationJustifiedEvent;
import com.upgradecoordination.coordination.api.DeviationKind;
import com.upgradecoordination.coordination.api.DeviationReason;
import com.upgradecoordination.coordination.api.EngagementOpenedEvent;
import com.upgradecoordination.coordination.api.EngagementReason;
import com.upgradecoordination.coordination.api.JustifyDeviationCommand;
import com.upgradecoordination.coordination.api.OpenEngagementCommand;
import com.upgradecoordination.coordination.api.PlanAuthor;
import com.upgradecoordination.coordination.api.PlanReviewCompletedEvent;
import com.upgradecoordination.coordination.api.PlanSharedWithSupportEvent;
import com.upgradecoordination.coordination.api.PlanSubmittedEvent;
import com.upgradecoordination.coordination.api.RecordPlanReviewOutcomeCommand;
import com.upgradecoordination.coordination.api.SharePlanWithSupportCommand;
import com.upgradecoordination.coordination.api.Placement;
import com.upgradecoordination.coordination.api.ProposedComponent;
import com.upgradecoordination.coordination.api.RecordRequirementsCommand;
import com.upgradecoordination.coordination.api.RecordSupportReviewOutcomeCommand;
import com.upgradecoordination.coordination.api.ReferenceArchitectureMatchedEvent;
import com.upgradecoordination.coordination.api.RequestSupportReviewCommand;
import com.upgradecoordination.coordination.api.RequirementsRecordedEvent;
import com.upgradecoordination.coordination.api.SubmitPlanCommand;
import com.upgradecoordination.coordination.api.SupportReviewOutcomeReceivedEvent;
import com.upgradecoordination.coordination.api.SupportReviewRequestedEvent;
import com.upgradecoordination.coordination.api.SupportVerdict;
import com.upgradecoordination.coordination.api.AdviseFutureAdoptionCommand;
import com.upgradecoordination.coordination.api.ConfirmReferenceArchitectureReviewedCommand;
import com.upgradecoordination.coordination.api.DeviationAcceptedEvent;
import com.upgradecoordination.coordination.api.DocumentationRecordedEvent;
import com.upgradecoordination.coordination.api.DocumentationSharedWithSupportEvent;
import com.upgradecoordination.coordination.api.ExpectationsSetEvent;
import com.upgradecoordination.coordination.api.FutureAdoptionAdvisedEvent;
import com.upgradecoordination.coordination.api.PerformanceComparedEvent;
import com.upgradecoordination.coordination.api.PerformanceComparisonResult;
import com.upgradecoordination.coordination.api.PerformanceTestDelta;
import com.upgradecoordination.coordination.api.PerformanceResultsSubmittedEvent;
import com.upgradecoordination.coordination.api.RecordDocumentationCommand;
import com.upgradecoordination.coordination.api.RecordRevisionDiscussionCommand;
import com.upgradecoordination.coordination.api.ReferenceArchitectureReviewedEvent;
import com.upgradecoordination.coordination.api.ReturnedToPlanningEvent;
import com.upgradecoordination.coordination.api.RevisionDiscussedEvent;
import com.upgradecoordination.coordination.api.RevisionOutcome;
import com.upgradecoordination.coordination.api.SetExpectationsCommand;
import com.upgradecoordination.coordination.api.ShareDocumentationWithSupportCommand;
import com.upgradecoordination.coordination.api.SubmitPerformanceResultsCommand;
import com.upgradecoordination.coordination.api.AnswerInternalAssistanceCommand;
import com.upgradecoordination.coordination.api.AssistingTeam;
import com.upgradecoordination.coordination.api.CloseEngagementCommand;
import com.upgradecoordination.coordination.api.ClosingOutcome;
import com.upgradecoordination.coordination.api.CompleteMigrationCommand;
import com.upgradecoordination.coordination.api.DeclineProfessionalServicesCommand;
import com.upgradecoordination.coordination.api.EngagementClosedEvent;
import com.upgradecoordination.coordination.api.MigrationCompletedEvent;
import com.upgradecoordination.coordination.api.MigrationProblemReportedEvent;
import com.upgradecoordination.coordination.api.MigrationStartedEvent;
import com.upgradecoordination.coordination.api.ProblemRoute;
import com.upgradecoordination.coordination.api.ReportMigrationProblemCommand;
import com.upgradecoordination.coordination.api.StartMigrationCommand;
import com.upgradecoordination.coordination.api.InternalAssistanceAnsweredEvent;
import com.upgradecoordination.coordination.api.InternalAssistanceRequestedEvent;
import com.upgradecoordination.coordination.api.RequestInternalAssistanceCommand;
import com.upgradecoordination.coordination.api.EngageProfessionalServicesCommand;
import com.upgradecoordination.coordination.api.ProfessionalServicesDeclinedEvent;
import com.upgradecoordination.coordination.api.ProfessionalServicesEngagedEvent;
import com.upgradecoordination.coordination.api.ProfessionalServicesRecommendedEvent;
import com.upgradecoordination.coordination.api.ProfessionalServicesStrength;
import com.upgradecoordination.coordination.api.ProvideReferenceDocumentationCommand;
import com.upgradecoordination.coordination.api.ReferenceDocumentationProvidedEvent;
import com.upgradecoordination.coordination.api.TimelineRiskFlaggedEvent;
import com.upgradecoordination.coordination.catalog.CatalogConfiguration;
import com.upgradecoordination.coordination.catalog.GptResultsReader;
import com.upgradecoordination.coordination.api.PerformanceBasis;
import com.upgradecoordination.coordination.api.PerformanceOutcome;
import com.upgradecoordination.coordination.catalog.InitialGptBenchmarks;
import com.upgradecoordination.coordination.domain.performance.GptBenchmarkLibrary;
import com.upgradecoordination.coordination.domain.performance.RegisteredBenchmark;
import com.upgradecoordination.coordination.domain.performance.GptResultsFormat;
import com.upgradecoordination.coordination.api.EngagementCommandRefusedEvent;
import com.upgradecoordination.devsupport.SnapshotRoundTrip;
import com.upgradecoordination.platform.domain.RecordedRuleViolationException;
import com.upgradecoordination.platform.domain.RuleViolationException;
import org.axonframework.commandhandling.GenericCommandResultMessage;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

class EngagementTest {

    static final ReferenceArchitectureCatalog CATALOG =
            CatalogConfiguration.load(new ClassPathResource("catalog/reference-architectures.v1.json"));

    static final InitialGptBenchmarks SHIPPED_BENCHMARKS = CatalogConfiguration.loadInitialBenchmarks(
            new ClassPathResource("catalog/gpt-benchmarks.v2.json"), CATALOG);
    /** The register as it is after start-up: the shipped 10k run as version 1, no other size. */
    static final GptBenchmarkLibrary BENCHMARKS = size -> SHIPPED_BENCHMARKS.entries().stream()
            .filter(entry -> entry.size().equals(size)).findFirst()
            .map(entry -> new RegisteredBenchmark(size, 1,
                    GptResultsReader.read(entry.resultsJson().getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                    entry.sourceUrl(), entry.publishedOn().toString()));
    static final GptResultsFormat GPT_RESULTS =
            json -> GptResultsReader.read(json.getBytes(java.nio.charset.StandardCharsets.UTF_8));

    static final java.time.Clock TODAY = java.time.Clock.fixed(java.time.Instant.parse("2026-11-21T09:00:00Z"),
            java.time.ZoneOffset.UTC);

    static final String ID = "engagement-1";
    static final LocalDate TARGET = LocalDate.of(2027, 6, 30);

    static final EngagementOpenedEvent OPENED = new EngagementOpenedEvent(ID, "Acme Corp", "casey.csm",
            Set.of(EngagementReason.GROWTH), DeploymentType.OMNIBUS_MULTI_NODE);
    static final RequirementsRecordedEvent REQUIREMENTS_3K =
            new RequirementsRecordedEvent(ID, 1500, 3000, 12, null, true, false, TARGET);
    static final ReferenceArchitectureMatchedEvent MATCHED_3K = new ReferenceArchitectureMatchedEvent(ID, "3k", "USERS");
    static final ProfessionalServicesRecommendedEvent RECOMMENDED_3K =
            new ProfessionalServicesRecommendedEvent(ID, ProfessionalServicesStrength.RECOMMENDED, 3000);

    /** The 3k reference architecture, exactly, on VMs. */
    static List<ProposedComponent> conforming3k() {
        return CATALOG.size("3k").components().stream()
                .map(c -> new ProposedComponent(c.component(), c.nodes(), c.vcpu(), c.memoryGb(), Placement.VM))
                .toList();
    }

    /** The 3k reference with Gitaly on one undersized node. */
    static List<ProposedComponent> deviating3k() {
        return conforming3k().stream()
                .map(c -> c.component().equals("gitaly")
                        ? new ProposedComponent("gitaly", 1, 4, 15, Placement.VM) : c)
                .toList();
    }

    static final List<Deviation> GITALY_UNDERSIZED =
            List.of(new Deviation("gitaly", "3x4/15", "1x4/15", DeviationKind.UNDERSIZED));

    static final ReferenceArchitectureReviewedEvent REVIEWED = new ReferenceArchitectureReviewedEvent(ID, 1);
    static final RevisionDiscussedEvent CANNOT_REVISE =
            new RevisionDiscussedEvent(ID, 1, RevisionOutcome.CANNOT_REVISE, "Company policy forbids more VMs");
    static final ExpectationsSetEvent EXPECTATIONS_SET = new ExpectationsSetEvent(ID, 1);
    static final PerformanceResultsSubmittedEvent PERFORMANCE_SUBMITTED =
            new PerformanceResultsSubmittedEvent(ID, 1, "2.15.0", "60s_60rps", "2026-10-02", "{}");
    static final PerformanceComparedEvent PERFORMANCE_COMPARED =
            new PerformanceComparedEvent(ID, 1, "3k", "MEETS_GPT_THRESHOLDS", 99.0, 79.2, List.of(),
                    PerformanceBasis.gptThresholds("3k", "60s_60rps"));
    static final PerformanceOutcome PERFORMANCE = PerformanceOutcome.of(PERFORMANCE_COMPARED);

    static PlanSubmittedEvent planSubmitted(int version, List<ProposedComponent> components) {
        return new PlanSubmittedEvent(ID, version, PlanAuthor.CUSTOMER, "3k", components, "blue-green",
                "restore backup", null, null, "https://wiki.example/plan");
    }

    static SubmitPlanCommand submitPlan(List<ProposedComponent> components) {
        return new SubmitPlanCommand(ID, PlanAuthor.CUSTOMER, components, "blue-green", "restore backup", null, null,
                "https://wiki.example/plan", null);
    }

    FixtureConfiguration<Engagement> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Engagement.class);
        fixture.registerInjectableResource(CATALOG);
        fixture.registerInjectableResource(BENCHMARKS);
        fixture.registerInjectableResource(GPT_RESULTS);
        fixture.registerInjectableResource(TODAY);
        // as the service's command bus does (KEEP_RECORDED_REFUSALS): a recorded refusal's event is committed
        fixture.registerCommandHandlerInterceptor((unitOfWork, chain) -> {
            try {
                return chain.proceed();
            } catch (RecordedRuleViolationException refused) {
                return GenericCommandResultMessage.asCommandResultMessage(refused);
            }
        });
    }

    static EngagementCommandRefusedEvent refused(Class<?> command, String rule, String reason) {
        return new EngagementCommandRefusedEvent(ID, command.getSimpleName(), rule, reason);
    }

    @Nested
    class Opening {

        @Test
        void opensAnEngagement() {
            fixture.givenNoPriorActivity()
                    .when(new OpenEngagementCommand(ID, " Acme Corp ", "casey.csm", Set.of(EngagementReason.GROWTH),
                            DeploymentType.OMNIBUS_MULTI_NODE))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(OPENED);
        }

        @Test
        void refusesAnEngagementWithoutReasons() {
            fixture.givenNoPriorActivity()
                    .when(new OpenEngagementCommand(ID, "Acme Corp", "casey.csm", Set.of(),
                            DeploymentType.OMNIBUS_MULTI_NODE))
                    .expectException(IllegalArgumentException.class)
                    .expectExceptionMessage("reasons: name at least one reason for the upgrade")
                    .expectNoEvents();
        }

        @Test
        void refusesAnEngagementWithoutCsm() {
            fixture.givenNoPriorActivity()
                    .when(new OpenEngagementCommand(ID, "Acme Corp", " ", Set.of(EngagementReason.KUBERNETES),
                            DeploymentType.HELM))
                    .expectException(IllegalArgumentException.class)
                    .expectNoEvents();
        }
    }

    @Nested
    class Requirements {

        @Test
        void recordsRequirementsAndMatchesTheSizeByUsers() {
            fixture.given(OPENED)
                    .when(new RecordRequirementsCommand(ID, 1500, 3000, 12, null, true, false, TARGET, null))
                    .expectEvents(REQUIREMENTS_3K, MATCHED_3K, RECOMMENDED_3K);
        }

        @Test
        void rpsWinsWhenItAsksForTheLargerSize() {
            fixture.given(OPENED)
                    .when(new RecordRequirementsCommand(ID, 900, 1000, 12, 150, false, false, TARGET, null))
                    .expectEvents(new RequirementsRecordedEvent(ID, 900, 1000, 12, 150, false, false, TARGET),
                            new ReferenceArchitectureMatchedEvent(ID, "10k", "RPS"),
                            new ProfessionalServicesRecommendedEvent(ID, ProfessionalServicesStrength.RECOMMENDED, 1000));
        }

        @Test
        void unchangedSizeIsNotMatchedAgain() {
            fixture.given(OPENED, REQUIREMENTS_3K, MATCHED_3K, RECOMMENDED_3K)
                    .when(new RecordRequirementsCommand(ID, 1500, 2500, 12, null, true, false, TARGET, null))
                    .expectEvents(new RequirementsRecordedEvent(ID, 1500, 2500, 12, null, true, false, TARGET));
        }

        @Test
        void changedRequirementsReMatchTheSize() {
            fixture.given(OPENED, REQUIREMENTS_3K, MATCHED_3K, RECOMMENDED_3K)
                    .when(new RecordRequirementsCommand(ID, 1500, 3001, 12, null, true, false, TARGET, null))
                    .expectEvents(new RequirementsRecordedEvent(ID, 1500, 3001, 12, null, true, false, TARGET),
                            new ReferenceArchitectureMatchedEvent(ID, "5k", "USERS"));
        }

        @Test
        void refusesFewerExpectedThanCurrentUsers() {
            fixture.given(OPENED)
                    .when(new RecordRequirementsCommand(ID, 3000, 2000, 12, null, true, false, TARGET, null))
                    .expectException(IllegalArgumentException.class)
                    .expectNoEvents();
        }

        @Test
        void refusesLoadBeyondTheLargestReferenceArchitecture() {
            fixture.given(OPENED)
                    .when(new RecordRequirementsCommand(ID, 40_000, 60_000, 12, null, true, false, TARGET, null))
                    .expectException(RuleViolationException.class)
                    .expectNoEvents();
        }
    }

    @Nested
    class Plans {

        @Test
        void refusesAPlanBeforeRequirements() {
            fixture.given(OPENED)
                    .when(submitPlan(conforming3k()))
                    .expectException(RuleViolationException.class)
                    .expectExceptionMessage("Record the customer's requirements first: a plan is compared with the "
                            + "reference architecture of their size")
                    .expectNoEvents();
        }

        @Test
        void aConformingPlanIsRecordedAsConforming() {
            fixture.given(OPENED, REQUIREMENTS_3K, MATCHED_3K)
                    .when(submitPlan(conforming3k()))
                    .expectResultMessagePayload(1)
                    .expectEvents(planSubmitted(1, conforming3k()), new ArchitectureConformsEvent(ID, 1, "3k"));
        }

        @Test
        void aDeviatingPlanNamesItsDeviations() {
            fixture.given(OPENED, REQUIREMENTS_3K, MATCHED_3K, planSubmitted(1, conforming3k()),
                            new ArchitectureConformsEvent(ID, 1, "3k"))
                    .when(submitPlan(deviating3k()))
                    .expectResultMessagePayload(2)
                    .expectEvents(planSubmitted(2, deviating3k()),
                            new ArchitectureDeviationDetectedEvent(ID, 2, "3k", GITALY_UNDERSIZED));
        }

        @Test
        void refusesAPlanWithoutComponents() {
            fixture.given(OPENED, REQUIREMENTS_3K, MATCHED_3K)
                    .when(submitPlan(List.of()))
                    .expectException(IllegalArgumentException.class)
                    .expectNoEvents();
        }
    }

    @Nested
    class DeviationProcess {

        final Object[] deviatingPlan = {OPENED, REQUIREMENTS_3K, MATCHED_3K, planSubmitted(1, deviating3k()),
            new ArchitectureDeviationDetectedEvent(ID, 1, "3k", GITALY_UNDERSIZED), REVIEWED, CANNOT_REVISE};
        final DeviationJustifiedEvent justified =
                new DeviationJustifiedEvent(ID, 1, DeviationReason.BUDGET, "Three Gitaly nodes are over budget");
        final Object[] readyForReview = {justified, EXPECTATIONS_SET, PERFORMANCE_SUBMITTED, PERFORMANCE_COMPARED};
        final SupportReviewRequestedEvent requested = new SupportReviewRequestedEvent(ID, "review-1", 1, "Acme Corp",
                "casey.csm", "3k", GITALY_UNDERSIZED, PERFORMANCE);

        @Test
        void justifiesTheDeviationOfTheLatestPlan() {
            fixture.given(deviatingPlan)
                    .when(new JustifyDeviationCommand(ID, DeviationReason.BUDGET, " Three Gitaly nodes are over budget ", null))
                    .expectEvents(justified);
        }

        @Test
        void refusesToJustifyAConformingPlan() {
            fixture.given(OPENED, REQUIREMENTS_3K, MATCHED_3K, planSubmitted(1, conforming3k()),
                            new ArchitectureConformsEvent(ID, 1, "3k"))
                    .when(new JustifyDeviationCommand(ID, DeviationReason.BUDGET, "budget", null))
                    .expectException(RuleViolationException.class)
                    .expectNoEvents();
        }

        @Test
        void refusesToJustifyBeforeAnyPlan() {
            fixture.given(OPENED, REQUIREMENTS_3K, MATCHED_3K)
                    .when(new JustifyDeviationCommand(ID, DeviationReason.BUDGET, "budget", null))
                    .expectException(RuleViolationException.class)
                    .expectExceptionMessage("Submit a plan before you justify a deviation")
                    .expectNoEvents();
        }

        @Test
        void refusesToJustifyTwice() {
            fixture.given(deviatingPlan).andGiven(justified)
                    .when(new JustifyDeviationCommand(ID, DeviationReason.OTHER, "again", null))
                    .expectException(RuleViolationException.class)
                    .expectNoEvents();
        }

        @Test
        void requestsASupportReviewWithTheFactsSupportNeeds() {
            fixture.given(deviatingPlan).andGiven(readyForReview)
                    .when(new RequestSupportReviewCommand(ID, "review-1", null))
                    .expectEvents(requested);
        }

        @Test
        void refusesASupportReviewBeforeJustification() {
            fixture.given(deviatingPlan)
                    .when(new RequestSupportReviewCommand(ID, "review-1", null))
                    .expectException(RecordedRuleViolationException.class)
                    .expectEvents(refused(RequestSupportReviewCommand.class,
                            "review-requires-justification-expectations-and-performance",
                            "Before asking Support to review plan version 1: justify the deviation, set expectations "
                                    + "and submit the customer's performance results"));
        }

        @Test
        void refusesASecondReviewWhileOneIsPending() {
            fixture.given(deviatingPlan).andGiven(readyForReview).andGiven(requested)
                    .when(new RequestSupportReviewCommand(ID, "review-2", null))
                    .expectException(RuleViolationException.class)
                    .expectNoEvents();
        }

        @Test
        void recordsSupportsVerdict() {
            fixture.given(deviatingPlan).andGiven(readyForReview).andGiven(requested)
                    .when(new RecordSupportReviewOutcomeCommand(ID, "review-1", 1, SupportVerdict.SUPPORTABLE,
                            List.of("Add a second Gitaly node"), "sam.senior", "SENIOR_SUPPORT_ENGINEER"))
                    .expectEvents(new SupportReviewOutcomeReceivedEvent(ID, "review-1", 1, SupportVerdict.SUPPORTABLE,
                            List.of("Add a second Gitaly node"), "sam.senior", "SENIOR_SUPPORT_ENGINEER"));
        }

        @Test
        void refusesAVerdictForAReviewThatIsNotPending() {
            fixture.given(deviatingPlan).andGiven(justified)
                    .when(new RecordSupportReviewOutcomeCommand(ID, "review-9", 1, SupportVerdict.SUPPORTABLE,
                            List.of(), "sam.senior", "SENIOR_SUPPORT_ENGINEER"))
                    .expectException(RuleViolationException.class)
                    .expectNoEvents();
        }
    }

    /** Migration and closing (SPEC C8). */
    @Nested
    class MigrationAndClosing {

        final Object[] conformingPlan = {OPENED, REQUIREMENTS_3K, MATCHED_3K, RECOMMENDED_3K,
            planSubmitted(1, conforming3k()), new ArchitectureConformsEvent(ID, 1, "3k")};
        final Object[] deviatingPlan = {OPENED, REQUIREMENTS_3K, MATCHED_3K, RECOMMENDED_3K,
            planSubmitted(1, deviating3k()), new ArchitectureDeviationDetectedEvent(ID, 1, "3k", GITALY_UNDERSIZED)};
        final MigrationStartedEvent started = new MigrationStartedEvent(ID, 1);
        final MigrationCompletedEvent completed = new MigrationCompletedEvent(ID, 1);

        @Test
        void startsOnAConformingPlanOrAnAcceptedDeviation() {
            fixture.given(conformingPlan)
                    .when(new StartMigrationCommand(ID, null))
                    .expectEvents(started);
            fixture.given(deviatingPlan)
                    .when(new StartMigrationCommand(ID, null))
                    .expectException(RecordedRuleViolationException.class)
                    .expectEvents(refused(StartMigrationCommand.class, "migration-requires-accepted-plan",
                            "Plan version 1 deviates and its deviation is not accepted yet"));
            fixture.given(deviatingPlan).andGiven(new DeviationAcceptedEvent(ID, 1, SupportVerdict.SUPPORTABLE))
                    .when(new StartMigrationCommand(ID, null))
                    .expectEvents(started);
            fixture.given(OPENED)
                    .when(new StartMigrationCommand(ID, null))
                    .expectException(RuleViolationException.class)
                    .expectNoEvents();
        }

        @Test
        void withoutProfessionalServicesAProblemGoesToSupport() {
            fixture.given(conformingPlan).andGiven(started)
                    .when(new ReportMigrationProblemCommand(ID, "problem-1", " Geo replication lags ", null))
                    .expectEvents(new MigrationProblemReportedEvent(ID, "problem-1", "Geo replication lags",
                            ProblemRoute.SUPPORT));
            fixture.given(conformingPlan).andGiven(new ProfessionalServicesEngagedEvent(ID), started)
                    .when(new ReportMigrationProblemCommand(ID, "problem-1", "Geo replication lags", null))
                    .expectEvents(new MigrationProblemReportedEvent(ID, "problem-1", "Geo replication lags",
                            ProblemRoute.PROFESSIONAL_SERVICES));
            fixture.given(conformingPlan)
                    .when(new ReportMigrationProblemCommand(ID, "problem-1", "too early", null))
                    .expectException(RuleViolationException.class)
                    .expectNoEvents();
        }

        @Test
        void completesOnceAndClosesAsCompletedOnlyAfterwards() {
            fixture.given(conformingPlan).andGiven(started)
                    .when(new CloseEngagementCommand(ID, ClosingOutcome.COMPLETED, null, null))
                    .expectException(RecordedRuleViolationException.class)
                    .expectEvents(refused(CloseEngagementCommand.class, "completion-requires-migration",
                            "Complete the migration before closing the engagement as completed (or close it as "
                                    + "cancelled)"));
            fixture.given(conformingPlan).andGiven(started)
                    .when(new CompleteMigrationCommand(ID, null))
                    .expectEvents(completed);
            fixture.given(conformingPlan).andGiven(started, completed)
                    .when(new CompleteMigrationCommand(ID, null))
                    .expectException(RuleViolationException.class)
                    .expectNoEvents();
            fixture.given(conformingPlan).andGiven(started, completed)
                    .when(new CloseEngagementCommand(ID, ClosingOutcome.COMPLETED, " done ", null))
                    .expectEvents(new EngagementClosedEvent(ID, ClosingOutcome.COMPLETED, "done"));
        }

        @Test
        void aCancelledEngagementTakesNoMoreCommands() {
            fixture.given(OPENED)
                    .when(new CloseEngagementCommand(ID, ClosingOutcome.CANCELLED, "Customer postponed", null))
                    .expectEvents(new EngagementClosedEvent(ID, ClosingOutcome.CANCELLED, "Customer postponed"));
            fixture.given(OPENED, new EngagementClosedEvent(ID, ClosingOutcome.CANCELLED, null))
                    .when(new RecordRequirementsCommand(ID, 1500, 3000, 12, null, true, false, TARGET, null))
                    .expectException(RuleViolationException.class)
                    .expectExceptionMessage("Engagement engagement-1 is closed; its history stays readable")
                    .expectNoEvents();
        }
    }

    /** Questions to other teams (SPEC C4). */
    @Nested
    class InternalAssistance {

        final InternalAssistanceRequestedEvent asked = new InternalAssistanceRequestedEvent(ID, "question-1",
                AssistingTeam.QUALITY, "Does GPT cover our CI-heavy load?");

        @Test
        void anotherTeamIsAskedAndAnswers() {
            fixture.given(OPENED)
                    .when(new RequestInternalAssistanceCommand(ID, "question-1", AssistingTeam.QUALITY,
                            " Does GPT cover our CI-heavy load? ", null))
                    .expectEvents(asked);
            fixture.given(OPENED, asked)
                    .when(new AnswerInternalAssistanceCommand(ID, "question-1", "Add the CI scenarios", null))
                    .expectEvents(new InternalAssistanceAnsweredEvent(ID, "question-1", "Add the CI scenarios"));
        }

        @Test
        void aQuestionNeedsATeamAndText() {
            fixture.given(OPENED)
                    .when(new RequestInternalAssistanceCommand(ID, "question-1", null, "anything?", null))
                    .expectException(IllegalArgumentException.class)
                    .expectNoEvents();
            fixture.given(OPENED)
                    .when(new RequestInternalAssistanceCommand(ID, "question-1", AssistingTeam.PRODUCT, " ", null))
                    .expectException(IllegalArgumentException.class)
                    .expectNoEvents();
        }

        @Test
        void onlyAnOpenQuestionIsAnswered() {
            fixture.given(OPENED)
                    .when(new AnswerInternalAssistanceCommand(ID, "question-9", "yes", null))
                    .expectException(RuleViolationException.class)
                    .expectNoEvents();
            fixture.given(OPENED, asked, new InternalAssistanceAnsweredEvent(ID, "question-1", "yes"))
                    .when(new AnswerInternalAssistanceCommand(ID, "question-1", "again", null))
                    .expectException(RuleViolationException.class)
                    .expectNoEvents();
        }
    }

    /** Professional Services (SPEC C3). */
    @Nested
    class ProfessionalServices {

        final Object[] sized3k = {OPENED, REQUIREMENTS_3K, MATCHED_3K, RECOMMENDED_3K};
        final ProfessionalServicesDeclinedEvent declined =
                new ProfessionalServicesDeclinedEvent(ID, "No budget for services this year");

        @Test
        void isHighlyRecommendedFromFiveThousandUsersAndALateTargetIsNoRisk() {
            fixture.given(OPENED)
                    .when(new RecordRequirementsCommand(ID, 3000, 5000, 12, null, true, false,
                            LocalDate.of(2027, 2, 21), null))
                    .expectEvents(new RequirementsRecordedEvent(ID, 3000, 5000, 12, null, true, false,
                                    LocalDate.of(2027, 2, 21)),
                            new ReferenceArchitectureMatchedEvent(ID, "5k", "USERS"),
                            new ProfessionalServicesRecommendedEvent(ID, ProfessionalServicesStrength.HIGHLY_RECOMMENDED,
                                    5000));
        }

        @Test
        void flagsATimelineShorterThanThreeMonthsAtFiveThousandUsers() {
            LocalDate tooSoon = LocalDate.of(2027, 2, 20); // planning starts 2026-11-21
            fixture.given(OPENED)
                    .when(new RecordRequirementsCommand(ID, 3000, 5000, 12, null, true, false, tooSoon, null))
                    .expectEvents(new RequirementsRecordedEvent(ID, 3000, 5000, 12, null, true, false, tooSoon),
                            new ReferenceArchitectureMatchedEvent(ID, "5k", "USERS"),
                            new ProfessionalServicesRecommendedEvent(ID, ProfessionalServicesStrength.HIGHLY_RECOMMENDED,
                                    5000),
                            new TimelineRiskFlaggedEvent(ID, 5000, LocalDate.of(2026, 11, 21), tooSoon));
        }

        @Test
        void aShortTimelineBelowFiveThousandUsersIsNoRisk() {
            LocalDate tooSoon = LocalDate.of(2026, 12, 1);
            fixture.given(OPENED)
                    .when(new RecordRequirementsCommand(ID, 3000, 4999, 12, null, true, false, tooSoon, null))
                    .expectEvents(new RequirementsRecordedEvent(ID, 3000, 4999, 12, null, true, false, tooSoon),
                            new ReferenceArchitectureMatchedEvent(ID, "5k", "USERS"),
                            new ProfessionalServicesRecommendedEvent(ID, ProfessionalServicesStrength.RECOMMENDED, 4999));
        }

        @Test
        void theCustomerEngagesOrDeclinesAfterTheRecommendation() {
            fixture.given(OPENED)
                    .when(new EngageProfessionalServicesCommand(ID, null))
                    .expectException(RuleViolationException.class)
                    .expectNoEvents();
            fixture.given(sized3k)
                    .when(new EngageProfessionalServicesCommand(ID, null))
                    .expectEvents(new ProfessionalServicesEngagedEvent(ID));
            fixture.given(sized3k)
                    .when(new DeclineProfessionalServicesCommand(ID, " No budget for services this year ", null))
                    .expectEvents(declined);
            fixture.given(sized3k).andGiven(declined)
                    .when(new DeclineProfessionalServicesCommand(ID, "again", null))
                    .expectException(RuleViolationException.class)
                    .expectNoEvents();
        }

        @Test
        void withoutProfessionalServicesTheCsmOnlyProvidesDocumentation() {
            fixture.given(sized3k)
                    .when(new ProvideReferenceDocumentationCommand(ID,
                            List.of("https://docs.gitlab.com/administration/reference_architectures/3k_users/"), null))
                    .expectException(RecordedRuleViolationException.class)
                    .expectEvents(refused(ProvideReferenceDocumentationCommand.class,
                            "documentation-only-without-professional-services",
                            "The CSM provides reference documentation when the customer declined Professional Services"));
            fixture.given(sized3k).andGiven(declined)
                    .when(new ProvideReferenceDocumentationCommand(ID,
                            List.of("https://docs.gitlab.com/administration/reference_architectures/3k_users/"), null))
                    .expectEvents(new ReferenceDocumentationProvidedEvent(ID,
                            List.of("https://docs.gitlab.com/administration/reference_architectures/3k_users/")));
            fixture.given(sized3k).andGiven(declined)
                    .when(new ProvideReferenceDocumentationCommand(ID, List.of("the docs"), null))
                    .expectException(IllegalArgumentException.class)
                    .expectNoEvents();
        }

        @Test
        void withoutProfessionalServicesThePlanMustComeFromTheCustomer() {
            fixture.given(sized3k).andGiven(declined)
                    .when(new SubmitPlanCommand(ID, PlanAuthor.PROFESSIONAL_SERVICES, conforming3k(), null, null, null,
                            null, null, null))
                    .expectException(RecordedRuleViolationException.class)
                    .expectExceptionMessage("The customer declined Professional Services: the plan must come from "
                            + "the customer")
                    .expectEvents(refused(SubmitPlanCommand.class, "plan-author-must-be-customer",
                            "The customer declined Professional Services: the plan must come from the customer"));
            // an invalid plan is bad input (400), not a refusal worth recording
            fixture.given(sized3k).andGiven(declined)
                    .when(new SubmitPlanCommand(ID, PlanAuthor.PROFESSIONAL_SERVICES, List.of(), null, null, null,
                            null, null, null))
                    .expectException(IllegalArgumentException.class)
                    .expectNoEvents();
            fixture.given(sized3k).andGiven(declined)
                    .when(submitPlan(conforming3k()))
                    .expectSuccessfulHandlerExecution();
        }
    }

    /** The deviation process a-h and its acceptance (SPEC C6). */
    @Nested
    class DeviationSteps {

        final Object[] deviatingPlan = {OPENED, REQUIREMENTS_3K, MATCHED_3K, planSubmitted(1, deviating3k()),
            new ArchitectureDeviationDetectedEvent(ID, 1, "3k", GITALY_UNDERSIZED)};
        final DeviationJustifiedEvent justified = new DeviationJustifiedEvent(ID, 1, DeviationReason.COMPANY_POLICY,
                "Policy caps the VM count");
        final SupportReviewRequestedEvent requested = new SupportReviewRequestedEvent(ID, "review-1", 1, "Acme Corp",
                "casey.csm", "3k", GITALY_UNDERSIZED, PERFORMANCE);
        final SupportReviewOutcomeReceivedEvent supportable = new SupportReviewOutcomeReceivedEvent(ID, "review-1", 1,
                SupportVerdict.SUPPORTABLE_WITH_CHANGES, List.of("Monitor Gitaly CPU"), "sam.senior",
                "SENIOR_SUPPORT_ENGINEER");
        final DocumentationRecordedEvent documented =
                new DocumentationRecordedEvent(ID, 1, "https://gitlab.example/acme/collab/-/wikis/architecture");

        Object[] allStepsBut(Object... left) {
            List<Object> steps = new java.util.ArrayList<>(List.of(deviatingPlan));
            steps.addAll(List.of(REVIEWED, CANNOT_REVISE, justified, EXPECTATIONS_SET, PERFORMANCE_SUBMITTED,
                    PERFORMANCE_COMPARED, requested, supportable, new FutureAdoptionAdvisedEvent(ID, 1), documented,
                    new DocumentationSharedWithSupportEvent(ID, 1)));
            steps.removeAll(List.of(left));
            return steps.toArray();
        }

        @Test
        void everyStateOfTheWholeProcessSurvivesASnapshot() {
            List<Object> process = new java.util.ArrayList<>(List.of(allStepsBut()));
            process.addAll(List.of(new InternalAssistanceRequestedEvent(ID, "request-1", AssistingTeam.SUPPORT,
                    "Which Gitaly size?"), new InternalAssistanceRequestedEvent(ID, "request-2",
                    AssistingTeam.ENGINEERING, "Geo?"), new DeviationAcceptedEvent(ID, 1, SupportVerdict.SUPPORTABLE_WITH_CHANGES)));
            SnapshotRoundTrip.assertEveryStateSurvivesASnapshot(Engagement.class, ID, process.toArray());
        }

        @Test
        void recordsThatTheReferenceArchitectureWasReviewedOncePerPlanVersion() {
            fixture.given(deviatingPlan)
                    .when(new ConfirmReferenceArchitectureReviewedCommand(ID, null))
                    .expectEvents(REVIEWED);
            fixture.given(deviatingPlan).andGiven(REVIEWED)
                    .when(new ConfirmReferenceArchitectureReviewedCommand(ID, null))
                    .expectException(RuleViolationException.class)
                    .expectNoEvents();
        }

        @Test
        void recordsTheRevisionDiscussion() {
            fixture.given(deviatingPlan)
                    .when(new RecordRevisionDiscussionCommand(ID, RevisionOutcome.CANNOT_REVISE,
                            " Company policy forbids more VMs ", null))
                    .expectEvents(CANNOT_REVISE);
            fixture.given(deviatingPlan)
                    .when(new RecordRevisionDiscussionCommand(ID, null, "no outcome", null))
                    .expectException(IllegalArgumentException.class)
                    .expectNoEvents();
        }

        @Test
        void aJustificationNeedsTheReviewAndADiscussionThatRuledOutRevising() {
            fixture.given(deviatingPlan).andGiven(REVIEWED)
                    .when(new JustifyDeviationCommand(ID, DeviationReason.BUDGET, "budget", null))
                    .expectException(RecordedRuleViolationException.class)
                    .expectExceptionMessage("Before justifying the deviation of plan version 1, record that the "
                            + "customer reviewed the reference architecture and how a revision was discussed")
                    .expectEvents(refused(JustifyDeviationCommand.class, "justification-requires-review-and-discussion",
                            "Before justifying the deviation of plan version 1, record that the customer reviewed "
                                    + "the reference architecture and how a revision was discussed"));
            fixture.given(deviatingPlan).andGiven(REVIEWED,
                            new RevisionDiscussedEvent(ID, 1, RevisionOutcome.WILL_REVISE, "adds two Gitaly nodes"))
                    .when(new JustifyDeviationCommand(ID, DeviationReason.BUDGET, "budget", null))
                    .expectException(RecordedRuleViolationException.class)
                    .expectEvents(refused(JustifyDeviationCommand.class, "customer-will-revise",
                            "The customer will revise the plan: submit the new plan version instead of justifying "
                                    + "this one"));
            // input errors come first and are not recorded
            fixture.given(deviatingPlan).andGiven(REVIEWED)
                    .when(new JustifyDeviationCommand(ID, DeviationReason.BUDGET, " ", null))
                    .expectException(IllegalArgumentException.class)
                    .expectNoEvents();
        }

        @Test
        void setsExpectations() {
            fixture.given(deviatingPlan)
                    .when(new SetExpectationsCommand(ID, null))
                    .expectEvents(EXPECTATIONS_SET);
        }

        @Test
        void performanceResultsNeedExpectationsFirst() {
            fixture.given(deviatingPlan)
                    .when(new SubmitPerformanceResultsCommand(ID, "{}", null))
                    .expectException(RecordedRuleViolationException.class)
                    .expectEvents(refused(SubmitPerformanceResultsCommand.class, "performance-requires-expectations",
                            "Set the customer's expectations (performance and support may be affected) before "
                                    + "reviewing their performance results"));
        }

        @Test
        void comparesGptResultsWithTheBenchmarkOfTheSameSize() throws Exception {
            List<ProposedComponent> deviating10k = CATALOG.size("10k").components().stream()
                    .map(c -> new ProposedComponent(c.component(), c.component().equals("gitaly") ? 1 : c.nodes(),
                            c.vcpu(), c.memoryGb(), Placement.VM))
                    .toList();
            String results = new String(new ClassPathResource("gpt/passing-10k_results.json").getContentAsByteArray(),
                    java.nio.charset.StandardCharsets.UTF_8);
            fixture.given(OPENED, new RequirementsRecordedEvent(ID, 6000, 9000, 12, null, true, false, TARGET),
                            new ReferenceArchitectureMatchedEvent(ID, "10k", "USERS"),
                            new PlanSubmittedEvent(ID, 1, PlanAuthor.CUSTOMER, "10k", deviating10k, null, null, null,
                                    null, null),
                            new ArchitectureDeviationDetectedEvent(ID, 1, "10k",
                                    List.of(new Deviation("gitaly", "3x16/60", "1x16/60", DeviationKind.UNDERSIZED))),
                            EXPECTATIONS_SET)
                    .when(new SubmitPerformanceResultsCommand(ID, results, null))
                    .expectSuccessfulHandlerExecution()
                    .expectEventsMatching(org.axonframework.test.matchers.Matchers.exactSequenceOf(
                            org.axonframework.test.matchers.Matchers.messageWithPayload(
                                    org.hamcrest.Matchers.instanceOf(PerformanceResultsSubmittedEvent.class)),
                            org.axonframework.test.matchers.Matchers.messageWithPayload(
                                    new TypeSafeMatcher<PerformanceComparedEvent>() {
                                        @Override
                                        protected boolean matchesSafely(PerformanceComparedEvent compared) {
                                            return compared.referenceSize().equals("10k")
                                                    && compared.verdict().equals("AT_OR_ABOVE_BENCHMARK")
                                                    && compared.basis().description()
                                                    .equals("BENCHMARK 10k v1 (GitLab 14.1.0-pre, 2021-06-24)")
                                                    && compared.tests().size() == 3;
                                        }

                                        @Override
                                        public void describeTo(Description description) {
                                            description.appendText("10k compared at or above benchmark v1");
                                        }
                                    }),
                            org.axonframework.test.matchers.Matchers.andNoMore()));
        }

        @Test
        void unreadableOrUnbenchmarkedResultsAreRefused() {
            fixture.given(deviatingPlan).andGiven(EXPECTATIONS_SET)
                    .when(new SubmitPerformanceResultsCommand(ID, "not json", null))
                    .expectException(IllegalArgumentException.class)
                    .expectNoEvents();
        }

        @Test
        void aSizeWithoutABenchmarkIsJudgedAgainstGptsOwnThresholdsAndMovesOn() throws Exception {
            String results = new String(new ClassPathResource("gpt/failing-5k_results.json").getContentAsByteArray(),
                    java.nio.charset.StandardCharsets.UTF_8);
            List<ProposedComponent> deviating5k = CATALOG.size("5k").components().stream()
                    .map(c -> new ProposedComponent(c.component(), c.component().equals("gitaly") ? 1 : c.nodes(),
                            c.vcpu(), c.memoryGb(), Placement.VM))
                    .toList();
            Object[] fiveK = {OPENED, new RequirementsRecordedEvent(ID, 3000, 4000, 12, null, true, false, TARGET),
                new ReferenceArchitectureMatchedEvent(ID, "5k", "USERS"),
                new PlanSubmittedEvent(ID, 1, PlanAuthor.CUSTOMER, "5k", deviating5k, null, null, null, null, null),
                new ArchitectureDeviationDetectedEvent(ID, 1, "5k",
                        List.of(new Deviation("gitaly", "3x8/30", "1x8/30", DeviationKind.UNDERSIZED))),
                REVIEWED, CANNOT_REVISE,
                new DeviationJustifiedEvent(ID, 1, DeviationReason.BUDGET, "Three Gitaly nodes are over budget"),
                EXPECTATIONS_SET};
            fixture.given(fiveK)
                    .when(new SubmitPerformanceResultsCommand(ID, results, null))
                    .expectSuccessfulHandlerExecution()
                    .expectResultMessagePayloadMatching(new TypeSafeMatcher<PerformanceComparisonResult>() {
                        @Override
                        protected boolean matchesSafely(PerformanceComparisonResult result) {
                            return result.verdict().equals("BELOW_GPT_THRESHOLDS")
                                    && result.basis().kind().equals("GPT_THRESHOLDS")
                                    && result.testsCompared() == 3
                                    && result.testsFellShort().stream().map(PerformanceTestDelta::test).toList()
                                    .equals(List.of("api_v4_groups", "web_project"));
                        }

                        @Override
                        public void describeTo(Description description) {
                            description.appendText("below GPT's thresholds on api_v4_groups and web_project");
                        }
                    });

            // f is open after e whatever the basis, and Support is told what the verdict rests on
            PerformanceComparedEvent compared = new PerformanceComparedEvent(ID, 1, "5k", "BELOW_GPT_THRESHOLDS",
                    90.1, 79.2, List.of(), PerformanceBasis.gptThresholds("5k", "60s_100rps"));
            fixture.given(fiveK).andGiven(PERFORMANCE_SUBMITTED, compared)
                    .when(new RequestSupportReviewCommand(ID, "review-5k", null))
                    .expectEvents(new SupportReviewRequestedEvent(ID, "review-5k", 1, "Acme Corp", "casey.csm", "5k",
                            List.of(new Deviation("gitaly", "3x8/30", "1x8/30", DeviationKind.UNDERSIZED)),
                            new PerformanceOutcome("BELOW_GPT_THRESHOLDS",
                                    PerformanceBasis.gptThresholds("5k", "60s_100rps"), 90.1, 79.2, List.of())));
        }

        @Test
        void aComparisonStoredBeforeBasesWereRecordedReadsAsTheShippedBenchmark() {
            PerformanceComparedEvent stored = new PerformanceComparedEvent(ID, 1, "10k", "AT_OR_ABOVE_BENCHMARK",
                    99.0, 97.9, List.of(), null);
            assertThat(stored.basisOrInferred().description()).isEqualTo("BENCHMARK 10k v1 (the shipped catalog's run)");
        }

        @Test
        void documentationIsAUrlAndIsSharedAfterItIsRecorded() {
            fixture.given(deviatingPlan)
                    .when(new RecordDocumentationCommand(ID, "the wiki", null))
                    .expectException(IllegalArgumentException.class)
                    .expectNoEvents();
            fixture.given(deviatingPlan)
                    .when(new ShareDocumentationWithSupportCommand(ID, null))
                    .expectException(RuleViolationException.class)
                    .expectNoEvents();
            fixture.given(deviatingPlan).andGiven(documented)
                    .when(new ShareDocumentationWithSupportCommand(ID, null))
                    .expectEvents(new DocumentationSharedWithSupportEvent(ID, 1));
        }

        @Test
        void theLastStepAcceptsTheDeviation() {
            fixture.given(allStepsBut(new DocumentationSharedWithSupportEvent(ID, 1)))
                    .when(new ShareDocumentationWithSupportCommand(ID, null))
                    .expectEvents(new DocumentationSharedWithSupportEvent(ID, 1),
                            new DeviationAcceptedEvent(ID, 1, SupportVerdict.SUPPORTABLE_WITH_CHANGES));
            fixture.given(allStepsBut(supportable, new FutureAdoptionAdvisedEvent(ID, 1)))
                    .andGiven(supportable)
                    .when(new AdviseFutureAdoptionCommand(ID, null))
                    .expectEvents(new FutureAdoptionAdvisedEvent(ID, 1),
                            new DeviationAcceptedEvent(ID, 1, SupportVerdict.SUPPORTABLE_WITH_CHANGES));
        }

        @Test
        void aMissingStepKeepsTheDeviationOpen() {
            fixture.given(allStepsBut(new FutureAdoptionAdvisedEvent(ID, 1), new DocumentationSharedWithSupportEvent(ID, 1)))
                    .when(new ShareDocumentationWithSupportCommand(ID, null))
                    .expectEvents(new DocumentationSharedWithSupportEvent(ID, 1));
        }

        @Test
        void notSupportableSendsTheEngagementBackToPlanning() {
            fixture.given(allStepsBut(supportable))
                    .when(new RecordSupportReviewOutcomeCommand(ID, "review-1", 1, SupportVerdict.NOT_SUPPORTABLE,
                            List.of("Gitaly needs three nodes"), "sam.senior", "SENIOR_SUPPORT_ENGINEER"))
                    .expectEvents(new SupportReviewOutcomeReceivedEvent(ID, "review-1", 1, SupportVerdict.NOT_SUPPORTABLE,
                                    List.of("Gitaly needs three nodes"), "sam.senior", "SENIOR_SUPPORT_ENGINEER"),
                            new ReturnedToPlanningEvent(ID, 1, "Support found plan version 1 not supportable"));
        }

        @Test
        void aSupportableVerdictAcceptsWhenEverythingElseHolds() {
            fixture.given(allStepsBut(supportable))
                    .when(new RecordSupportReviewOutcomeCommand(ID, "review-1", 1,
                            SupportVerdict.SUPPORTABLE_WITH_CHANGES, List.of("Monitor Gitaly CPU"), "sam.senior",
                            "SENIOR_SUPPORT_ENGINEER"))
                    .expectEvents(supportable, new DeviationAcceptedEvent(ID, 1, SupportVerdict.SUPPORTABLE_WITH_CHANGES));
        }
    }

    /** Sharing a plan with Support and its feedback (SPEC C7). */
    @Nested
    class SharingWithSupport {

        final Object[] conformingPlan = {OPENED, REQUIREMENTS_3K, MATCHED_3K, planSubmitted(1, conforming3k()),
            new ArchitectureConformsEvent(ID, 1, "3k")};
        final PlanSharedWithSupportEvent sharedConforming = new PlanSharedWithSupportEvent(ID, "plan-review-1", 1,
                "Acme Corp", "casey.csm", "3k", "https://wiki.example/plan", true, List.of());
        final PlanReviewCompletedEvent reviewed = new PlanReviewCompletedEvent(ID, "plan-review-1", 1,
                List.of("Size the Sidekiq nodes for CI load"), "Looks sound", "sue.engineer", "SUPPORT_ENGINEER");

        @Test
        void sharesTheLatestPlanVersionWithWhatSupportNeeds() {
            fixture.given(conformingPlan)
                    .when(new SharePlanWithSupportCommand(ID, "plan-review-1", null))
                    .expectEvents(sharedConforming);
            fixture.given(conformingPlan).andGiven(planSubmitted(2, deviating3k()),
                            new ArchitectureDeviationDetectedEvent(ID, 2, "3k", GITALY_UNDERSIZED))
                    .when(new SharePlanWithSupportCommand(ID, "plan-review-2", null))
                    .expectEvents(new PlanSharedWithSupportEvent(ID, "plan-review-2", 2, "Acme Corp", "casey.csm", "3k",
                            "https://wiki.example/plan", false, GITALY_UNDERSIZED));
        }

        @Test
        void refusesToShareBeforeAnyPlan() {
            fixture.given(OPENED, REQUIREMENTS_3K, MATCHED_3K)
                    .when(new SharePlanWithSupportCommand(ID, "plan-review-1", null))
                    .expectException(RuleViolationException.class)
                    .expectExceptionMessage("Submit a plan before you share it with Support")
                    .expectNoEvents();
        }

        @Test
        void refusesToShareTheSamePlanVersionWhileItsReviewIsPending() {
            fixture.given(conformingPlan).andGiven(sharedConforming)
                    .when(new SharePlanWithSupportCommand(ID, "plan-review-2", null))
                    .expectException(RuleViolationException.class)
                    .expectExceptionMessage("Plan version 1 is already with Support for review")
                    .expectNoEvents();
            fixture.given(conformingPlan).andGiven(sharedConforming, reviewed)
                    .when(new SharePlanWithSupportCommand(ID, "plan-review-2", null))
                    .expectEvents(new PlanSharedWithSupportEvent(ID, "plan-review-2", 1, "Acme Corp", "casey.csm",
                            "3k", "https://wiki.example/plan", true, List.of()));
            fixture.given(conformingPlan).andGiven(sharedConforming, reviewed)
                    .when(new SharePlanWithSupportCommand(ID, "plan-review-1", null))
                    .expectException(RuleViolationException.class)
                    .expectNoEvents();
        }

        @Test
        void recordsSupportsFeedbackOnAPendingPlanReview() {
            fixture.given(conformingPlan).andGiven(sharedConforming)
                    .when(new RecordPlanReviewOutcomeCommand(ID, "plan-review-1", 1,
                            List.of("Size the Sidekiq nodes for CI load"), "Looks sound", "sue.engineer",
                            "SUPPORT_ENGINEER"))
                    .expectEvents(reviewed);
        }

        @Test
        void refusesFeedbackOnAnUnknownOrFinishedPlanReview() {
            fixture.given(conformingPlan)
                    .when(new RecordPlanReviewOutcomeCommand(ID, "plan-review-9", 1, List.of(), "none",
                            "sue.engineer", "SUPPORT_ENGINEER"))
                    .expectException(RuleViolationException.class)
                    .expectNoEvents();
            fixture.given(conformingPlan).andGiven(sharedConforming, reviewed)
                    .when(new RecordPlanReviewOutcomeCommand(ID, "plan-review-1", 1, List.of(), "again",
                            "sue.engineer", "SUPPORT_ENGINEER"))
                    .expectException(RuleViolationException.class)
                    .expectNoEvents();
            fixture.given(conformingPlan).andGiven(sharedConforming)
                    .when(new RecordPlanReviewOutcomeCommand(ID, "plan-review-1", 2, List.of(), "wrong version",
                            "sue.engineer", "SUPPORT_ENGINEER"))
                    .expectException(IllegalArgumentException.class)
                    .expectNoEvents();
        }
    }

    /** A stale expected version (If-Match): refused, whatever the handler would do. */
    static Matcher<ConflictingAggregateVersionException> staleVersion(long expected, long actual) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(ConflictingAggregateVersionException conflict) {
                return conflict.getExpectedVersion() == expected && conflict.getActualVersion() == actual;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a conflicting version: expected " + expected + ", actual " + actual);
            }
        };
    }

    /** Optimistic concurrency (SPEC S4): a command naming the version it was based on runs only on that version. */
    @Nested
    class ExpectedVersion {

        final Object[] sized3k = {OPENED, REQUIREMENTS_3K, MATCHED_3K}; // version 2
        final Object[] deviatingPlan = {OPENED, REQUIREMENTS_3K, MATCHED_3K, planSubmitted(1, deviating3k()),
            new ArchitectureDeviationDetectedEvent(ID, 1, "3k", GITALY_UNDERSIZED), REVIEWED, CANNOT_REVISE}; // version 6
        final DeviationJustifiedEvent justified =
                new DeviationJustifiedEvent(ID, 1, DeviationReason.BUDGET, "Three Gitaly nodes are over budget");
        final Object[] readyForReview = {justified, EXPECTATIONS_SET, PERFORMANCE_SUBMITTED, PERFORMANCE_COMPARED}; // 10

        SubmitPlanCommand submitPlanAt(long expectedVersion, List<ProposedComponent> components) {
            return new SubmitPlanCommand(ID, PlanAuthor.CUSTOMER, components, "blue-green", "restore backup", null,
                    null, "https://wiki.example/plan", expectedVersion);
        }

        @Test
        void requirementsBasedOnTheCurrentVersionAreRecorded() {
            fixture.given(OPENED)
                    .when(new RecordRequirementsCommand(ID, 1500, 3000, 12, null, true, false, TARGET, 0L))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(REQUIREMENTS_3K, MATCHED_3K, RECOMMENDED_3K);
        }

        @Test
        void requirementsBasedOnAnOlderVersionAreRefused() {
            fixture.given(sized3k)
                    .when(new RecordRequirementsCommand(ID, 1500, 2500, 12, null, true, false, TARGET, 0L))
                    .expectException(staleVersion(0, 2))
                    .expectNoEvents();
        }

        @Test
        void aVersionTheEngagementNeverHadIsRefused() {
            fixture.given(OPENED)
                    .when(new RecordRequirementsCommand(ID, 1500, 3000, 12, null, true, false, TARGET, 3L))
                    .expectException(staleVersion(3, 0))
                    .expectNoEvents();
        }

        @Test
        void aPlanBasedOnTheCurrentVersionIsSubmitted() {
            fixture.given(sized3k)
                    .when(submitPlanAt(2, conforming3k()))
                    .expectResultMessagePayload(1)
                    .expectEvents(planSubmitted(1, conforming3k()), new ArchitectureConformsEvent(ID, 1, "3k"));
        }

        @Test
        void aPlanBasedOnAnOlderVersionIsRefused() {
            fixture.given(sized3k).andGiven(planSubmitted(1, conforming3k()), new ArchitectureConformsEvent(ID, 1, "3k"))
                    .when(submitPlanAt(2, deviating3k()))
                    .expectException(staleVersion(2, 4))
                    .expectNoEvents();
        }

        @Test
        void aJustificationBasedOnTheCurrentVersionIsRecorded() {
            fixture.given(deviatingPlan)
                    .when(new JustifyDeviationCommand(ID, DeviationReason.BUDGET, "Three Gitaly nodes are over budget",
                            6L))
                    .expectEvents(justified);
        }

        @Test
        void aJustificationBasedOnAnOlderVersionIsRefused() {
            fixture.given(deviatingPlan)
                    .when(new JustifyDeviationCommand(ID, DeviationReason.BUDGET, "budget", 2L))
                    .expectException(staleVersion(2, 6))
                    .expectNoEvents();
        }

        @Test
        void aReviewRequestBasedOnTheCurrentVersionIsSent() {
            fixture.given(deviatingPlan).andGiven(readyForReview)
                    .when(new RequestSupportReviewCommand(ID, "review-1", 10L))
                    .expectEvents(new SupportReviewRequestedEvent(ID, "review-1", 1, "Acme Corp", "casey.csm", "3k",
                            GITALY_UNDERSIZED, PERFORMANCE));
        }

        @Test
        void aReviewRequestBasedOnAnOlderVersionIsRefused() {
            fixture.given(deviatingPlan).andGiven(readyForReview)
                    .when(new RequestSupportReviewCommand(ID, "review-1", 9L))
                    .expectException(staleVersion(9, 10))
                    .expectNoEvents();
        }
    }

    @Test
    void catalogHasEverySizeInOrder() {
        assertThat(CATALOG.sizes()).extracting(ReferenceArchitecture::size)
                .containsExactly("1k", "2k", "3k", "5k", "10k", "25k", "50k");
    }
}
