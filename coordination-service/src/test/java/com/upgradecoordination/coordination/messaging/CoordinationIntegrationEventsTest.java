package com.upgradecoordination.coordination.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.upgradecoordination.coordination.api.AssistingTeam;
import com.upgradecoordination.coordination.api.Deviation;
import com.upgradecoordination.coordination.api.DeviationAcceptedEvent;
import com.upgradecoordination.coordination.api.DocumentationRecordedEvent;
import com.upgradecoordination.coordination.api.DocumentationSharedWithSupportEvent;
import com.upgradecoordination.coordination.api.EngagementCommandRefusedEvent;
import com.upgradecoordination.coordination.api.EngagementEvent;
import com.upgradecoordination.coordination.api.ExpectationsSetEvent;
import com.upgradecoordination.coordination.api.FutureAdoptionAdvisedEvent;
import com.upgradecoordination.coordination.api.InternalAssistanceAnsweredEvent;
import com.upgradecoordination.coordination.api.InternalAssistanceRequestedEvent;
import com.upgradecoordination.coordination.api.MigrationCompletedEvent;
import com.upgradecoordination.coordination.api.MigrationStartedEvent;
import com.upgradecoordination.coordination.api.PerformanceComparedEvent;
import com.upgradecoordination.coordination.api.PerformanceResultsSubmittedEvent;
import com.upgradecoordination.coordination.api.PerformanceTestDelta;
import com.upgradecoordination.coordination.api.ReferenceArchitectureReviewedEvent;
import com.upgradecoordination.coordination.api.ReturnedToPlanningEvent;
import com.upgradecoordination.coordination.api.RevisionDiscussedEvent;
import com.upgradecoordination.coordination.api.RevisionOutcome;
import com.upgradecoordination.coordination.api.SupportReviewOutcomeReceivedEvent;
import com.upgradecoordination.coordination.api.SupportVerdict;
import com.upgradecoordination.coordination.api.DeviationKind;
import com.upgradecoordination.coordination.api.PlanSharedWithSupportEvent;
import com.upgradecoordination.events.IntegrationEventCatalog;
import com.upgradecoordination.events.coordination.ArchitectureDeviation;
import com.upgradecoordination.events.coordination.DeviationAccepted;
import com.upgradecoordination.events.coordination.DocumentationRecorded;
import com.upgradecoordination.events.coordination.DocumentationSharedWithSupport;
import com.upgradecoordination.events.coordination.ExpectationsSet;
import com.upgradecoordination.events.coordination.FutureAdoptionAdvised;
import com.upgradecoordination.events.coordination.InternalAssistanceAnswered;
import com.upgradecoordination.events.coordination.InternalAssistanceRequested;
import com.upgradecoordination.events.coordination.MigrationCompleted;
import com.upgradecoordination.events.coordination.MigrationStarted;
import com.upgradecoordination.events.coordination.PerformanceCompared;
import com.upgradecoordination.events.coordination.PerformanceTestComparison;
import com.upgradecoordination.events.coordination.ReferenceArchitectureReviewed;
import com.upgradecoordination.events.coordination.ReturnedToPlanning;
import com.upgradecoordination.events.coordination.RevisionDiscussed;
import com.upgradecoordination.events.coordination.PersonalDataErased;
import com.upgradecoordination.events.coordination.PlanSharedWithSupport;
import com.upgradecoordination.platform.personaldata.PersonHash;
import com.upgradecoordination.platform.personaldata.PersonalDataErasedEvent;
import com.upgradecoordination.platform.relay.OutboundIntegrationEvent;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which contract each published domain event becomes, field by field. */
class CoordinationIntegrationEventsTest {

    static final String ID = "engagement-1";
    static final List<Deviation> GITALY_UNDERSIZED =
            List.of(new Deviation("gitaly", "3x4/15", "1x4/15", DeviationKind.UNDERSIZED));
    static final List<ArchitectureDeviation> GITALY_UNDERSIZED_CONTRACT =
            List.of(new ArchitectureDeviation("gitaly", "3x4/15", "1x4/15", "UNDERSIZED"));

    final CoordinationIntegrationEvents translator = new CoordinationIntegrationEvents();

    /** A new domain event is either given a contract or kept inside on purpose; forgetting it fails here. */
    @Test
    void everyEngagementEventIsPublishedOrKeptInsideOnPurpose() {
        List<String> undecided = new ClassFileImporter()
                .importPackages("com.upgradecoordination.coordination.api").stream()
                .filter(type -> type.isAssignableTo(EngagementEvent.class) && !type.isInterface())
                .map(JavaClass::reflect)
                .filter(type -> !CoordinationIntegrationEvents.TABLE.decidedFor(type))
                .map(Class::getSimpleName)
                .toList();
        assertThat(undecided).isEmpty();
        assertThat(CoordinationIntegrationEvents.TABLE.published()).hasSize(28);
    }

    Record published(Object domainEvent) {
        OutboundIntegrationEvent outbound = translator.translate(domainEvent).orElseThrow();
        assertThat(outbound.caseId()).isEqualTo(ID);
        assertThat(IntegrationEventCatalog.CONTRACTS).contains(outbound.payload().getClass());
        return outbound.payload();
    }

    @Test
    void aSharedPlanBecomesPlanSharedWithSupport() {
        assertThat(published(new PlanSharedWithSupportEvent(ID, "plan-review-1", 2, "Acme Corp", "casey.csm", "3k",
                "https://wiki.example/plan", false, GITALY_UNDERSIZED)))
                .isEqualTo(new PlanSharedWithSupport(ID, "plan-review-1", 2, "Acme Corp", "casey.csm", "3k",
                        "https://wiki.example/plan", false, GITALY_UNDERSIZED_CONTRACT));
    }

    @Test
    void theDeviationStepsArePublished() {
        assertThat(published(new ReferenceArchitectureReviewedEvent(ID, 1)))
                .isEqualTo(new ReferenceArchitectureReviewed(ID, 1));
        assertThat(published(new RevisionDiscussedEvent(ID, 1, RevisionOutcome.CANNOT_REVISE, "policy")))
                .isEqualTo(new RevisionDiscussed(ID, 1, "CANNOT_REVISE", "policy"));
        assertThat(published(new ExpectationsSetEvent(ID, 1))).isEqualTo(new ExpectationsSet(ID, 1));
        assertThat(published(new FutureAdoptionAdvisedEvent(ID, 1))).isEqualTo(new FutureAdoptionAdvised(ID, 1));
        assertThat(published(new DocumentationRecordedEvent(ID, 1, "https://wiki.example/deviation")))
                .isEqualTo(new DocumentationRecorded(ID, 1, "https://wiki.example/deviation"));
        assertThat(published(new DocumentationSharedWithSupportEvent(ID, 1)))
                .isEqualTo(new DocumentationSharedWithSupport(ID, 1));
        assertThat(published(new DeviationAcceptedEvent(ID, 1, SupportVerdict.SUPPORTABLE_WITH_CHANGES)))
                .isEqualTo(new DeviationAccepted(ID, 1, "SUPPORTABLE_WITH_CHANGES"));
        assertThat(published(new ReturnedToPlanningEvent(ID, 1, "not supportable")))
                .isEqualTo(new ReturnedToPlanning(ID, 1, "not supportable"));
    }

    @Test
    void aPerformanceComparisonIsPublishedWithItsDeltasButNotTheFile() {
        var basis = com.upgradecoordination.coordination.api.PerformanceBasis.benchmark("10k", 3, "14.1.0-pre",
                "2021-06-24", "https://gitlab.example/benchmarks/10k", "60s_200rps");
        assertThat(published(new PerformanceComparedEvent(ID, 1, "10k", "BELOW_BENCHMARK", 91.5, 98.0,
                List.of(new PerformanceTestDelta("api_v4_projects", false, -6.5, -12.0, 310.0, true,
                        new com.upgradecoordination.coordination.api.PerformanceFigures(188, 410, 100),
                        new com.upgradecoordination.coordination.api.PerformanceFigures(200, 100, 100),
                        List.of("FAILED", "TTFB_P90", "SCORE"))), basis)))
                .isEqualTo(new PerformanceCompared(ID, 1, "10k", "BELOW_BENCHMARK", 91.5, 98.0,
                        List.of(new PerformanceTestComparison("api_v4_projects", false, -6.5, -12.0, 310.0, true,
                                new PerformanceTestComparison.TestFigures(188, 410, 100),
                                new PerformanceTestComparison.TestFigures(200, 100, 100),
                                List.of("FAILED", "TTFB_P90", "SCORE"))),
                        new com.upgradecoordination.events.coordination.PerformanceBasis("BENCHMARK", "10k", 3,
                                "14.1.0-pre", "2021-06-24", "https://gitlab.example/benchmarks/10k", "60s_200rps",
                                "BENCHMARK 10k v3 (GitLab 14.1.0-pre, 2021-06-24)")));
        assertThat(translator.translate(new PerformanceResultsSubmittedEvent(ID, 1, "2.15.0", "60s_200rps",
                "2026-10-02", "{\"the\": \"file\"}"))).isEmpty();
    }

    @Test
    void questionsToOtherTeamsAndTheMigrationArePublished() {
        assertThat(published(new InternalAssistanceRequestedEvent(ID, "question-1", AssistingTeam.QUALITY, "GPT?")))
                .isEqualTo(new InternalAssistanceRequested(ID, "question-1", "QUALITY", "GPT?"));
        assertThat(published(new InternalAssistanceAnsweredEvent(ID, "question-1", "yes")))
                .isEqualTo(new InternalAssistanceAnswered(ID, "question-1", "yes"));
        assertThat(published(new MigrationStartedEvent(ID, 2))).isEqualTo(new MigrationStarted(ID, 2));
        assertThat(published(new MigrationCompletedEvent(ID, 2))).isEqualTo(new MigrationCompleted(ID, 2));
    }

    @Test
    void whatCameFromReviewServiceAndRecordedRefusalsStayInternal() {
        assertThat(translator.translate(new SupportReviewOutcomeReceivedEvent(ID, "review-1", 1,
                SupportVerdict.SUPPORTABLE, List.of(), "sam.senior", "SENIOR_SUPPORT_ENGINEER"))).isEmpty();
        assertThat(translator.translate(new EngagementCommandRefusedEvent(ID, "StartMigrationCommand",
                "migration-requires-accepted-plan", "not accepted"))).isEmpty();
    }

    @Test
    void anErasureIsPublishedUnderThePersonsHashWithoutTheKeyCount() {
        String personHash = PersonHash.of("casey.csm");
        Instant erasedAt = Instant.parse("2026-12-01T09:00:00Z");

        OutboundIntegrationEvent outbound = translator.translate(
                new PersonalDataErasedEvent(personHash, 2, erasedAt)).orElseThrow();

        assertThat(outbound.caseId()).isEqualTo(personHash);
        assertThat(outbound.payload()).isEqualTo(new PersonalDataErased(personHash, erasedAt));
    }
}
