package com.upgradecoordination.coordination.messaging;

import com.upgradecoordination.coordination.api.ArchitectureConformsEvent;
import com.upgradecoordination.coordination.api.ReferenceArchitectureReviewedEvent;
import com.upgradecoordination.coordination.api.RevisionDiscussedEvent;
import com.upgradecoordination.coordination.api.ExpectationsSetEvent;
import com.upgradecoordination.coordination.api.PerformanceBasis;
import com.upgradecoordination.coordination.api.PerformanceComparedEvent;
import com.upgradecoordination.coordination.api.PerformanceFigures;
import com.upgradecoordination.coordination.api.FutureAdoptionAdvisedEvent;
import com.upgradecoordination.coordination.api.DocumentationRecordedEvent;
import com.upgradecoordination.coordination.api.DocumentationSharedWithSupportEvent;
import com.upgradecoordination.coordination.api.DeviationAcceptedEvent;
import com.upgradecoordination.coordination.api.ReturnedToPlanningEvent;
import com.upgradecoordination.coordination.api.InternalAssistanceRequestedEvent;
import com.upgradecoordination.coordination.api.InternalAssistanceAnsweredEvent;
import com.upgradecoordination.coordination.api.MigrationStartedEvent;
import com.upgradecoordination.coordination.api.MigrationCompletedEvent;
import com.upgradecoordination.coordination.api.ArchitectureDeviationDetectedEvent;
import com.upgradecoordination.coordination.api.Deviation;
import com.upgradecoordination.coordination.api.DeviationJustifiedEvent;
import com.upgradecoordination.coordination.api.EngagementEvent;
import com.upgradecoordination.coordination.api.PlanReviewCompletedEvent;
import com.upgradecoordination.coordination.api.SupportReviewOutcomeReceivedEvent;
import com.upgradecoordination.coordination.api.ReferenceDocumentationProvidedEvent;
import com.upgradecoordination.coordination.api.PerformanceResultsSubmittedEvent;
import com.upgradecoordination.coordination.api.EngagementCommandRefusedEvent;
import com.upgradecoordination.coordination.api.EngagementOpenedEvent;
import com.upgradecoordination.coordination.api.EngagementClosedEvent;
import com.upgradecoordination.coordination.api.MigrationProblemReportedEvent;
import com.upgradecoordination.coordination.api.PlanSharedWithSupportEvent;
import com.upgradecoordination.coordination.api.PlanSubmittedEvent;
import com.upgradecoordination.coordination.api.ProfessionalServicesDeclinedEvent;
import com.upgradecoordination.coordination.api.ProfessionalServicesEngagedEvent;
import com.upgradecoordination.coordination.api.ProfessionalServicesRecommendedEvent;
import com.upgradecoordination.coordination.api.TimelineRiskFlaggedEvent;
import com.upgradecoordination.coordination.api.ReferenceArchitectureMatchedEvent;
import com.upgradecoordination.coordination.api.RequirementsRecordedEvent;
import com.upgradecoordination.coordination.api.SupportReviewRequestedEvent;
import com.upgradecoordination.events.coordination.ArchitectureConforms;
import com.upgradecoordination.events.coordination.ReferenceArchitectureReviewed;
import com.upgradecoordination.events.coordination.RevisionDiscussed;
import com.upgradecoordination.events.coordination.ExpectationsSet;
import com.upgradecoordination.events.coordination.PerformanceCompared;
import com.upgradecoordination.events.coordination.FutureAdoptionAdvised;
import com.upgradecoordination.events.coordination.DocumentationRecorded;
import com.upgradecoordination.events.coordination.DocumentationSharedWithSupport;
import com.upgradecoordination.events.coordination.DeviationAccepted;
import com.upgradecoordination.events.coordination.ReturnedToPlanning;
import com.upgradecoordination.events.coordination.InternalAssistanceRequested;
import com.upgradecoordination.events.coordination.InternalAssistanceAnswered;
import com.upgradecoordination.events.coordination.MigrationStarted;
import com.upgradecoordination.events.coordination.MigrationCompleted;
import com.upgradecoordination.events.coordination.PerformanceSummary;
import com.upgradecoordination.events.coordination.PerformanceTestComparison;
import com.upgradecoordination.events.coordination.ArchitectureDeviation;
import com.upgradecoordination.events.coordination.ArchitectureDeviationDetected;
import com.upgradecoordination.events.coordination.DeviationJustified;
import com.upgradecoordination.events.coordination.EngagementOpened;
import com.upgradecoordination.events.coordination.PersonalDataErased;
import com.upgradecoordination.events.coordination.PlanSharedWithSupport;
import com.upgradecoordination.events.coordination.PlanSubmitted;
import com.upgradecoordination.events.coordination.EngagementClosed;
import com.upgradecoordination.events.coordination.MigrationProblemReported;
import com.upgradecoordination.events.coordination.PlannedComponent;
import com.upgradecoordination.events.coordination.ProfessionalServicesDecided;
import com.upgradecoordination.events.coordination.ProfessionalServicesRecommended;
import com.upgradecoordination.events.coordination.TimelineRiskFlagged;
import com.upgradecoordination.events.coordination.ReferenceArchitectureMatched;
import com.upgradecoordination.events.coordination.RequirementsRecorded;
import com.upgradecoordination.events.coordination.SupportReviewRequested;
import com.upgradecoordination.platform.personaldata.PersonalDataErasedEvent;
import com.upgradecoordination.platform.relay.ContractTranslations;
import com.upgradecoordination.platform.relay.IntegrationEventTranslator;
import com.upgradecoordination.platform.relay.OutboundIntegrationEvent;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Which domain events of the engagement are published, and as which contract; the others stay in
 * the service on purpose. The case id is the engagement id.
 */
@Component
public class CoordinationIntegrationEvents implements IntegrationEventTranslator {

    static final ContractTranslations TABLE = ContractTranslations.of(EngagementEvent.class,
                    EngagementEvent::engagementId)
            .publish(EngagementOpenedEvent.class, e -> new EngagementOpened(e.engagementId(),
                    e.customerOrganisation(), e.csm(), e.reasons().stream().map(Enum::name).sorted().toList(),
                    e.deploymentType().name()))
            .publish(RequirementsRecordedEvent.class, e -> new RequirementsRecorded(e.engagementId(),
                    e.currentUsers(), e.expectedUsers(), e.growthHorizonMonths(), e.peakRps(), e.highAvailability(),
                    e.geo(), e.targetCompletionDate()))
            .publish(ReferenceArchitectureMatchedEvent.class, e -> new ReferenceArchitectureMatched(e.engagementId(),
                    e.size(), e.sizedBy()))
            .publish(ProfessionalServicesRecommendedEvent.class, e -> new ProfessionalServicesRecommended(
                    e.engagementId(), e.strength().name(), e.expectedUsers()))
            .publish(ProfessionalServicesEngagedEvent.class, e -> new ProfessionalServicesDecided(e.engagementId(),
                    "ENGAGED", null))
            .publish(ProfessionalServicesDeclinedEvent.class, e -> new ProfessionalServicesDecided(e.engagementId(),
                    "DECLINED", e.reason()))
            .publish(TimelineRiskFlaggedEvent.class, e -> new TimelineRiskFlagged(e.engagementId(), e.expectedUsers(),
                    e.planningStarted(), e.targetCompletionDate()))
            .publish(MigrationProblemReportedEvent.class, e -> new MigrationProblemReported(e.engagementId(),
                    e.problemId(), e.description(), e.routedTo().name()))
            .publish(EngagementClosedEvent.class, e -> new EngagementClosed(e.engagementId(), e.outcome().name()))
            .publish(PlanSubmittedEvent.class, e -> new PlanSubmitted(e.engagementId(), e.planVersion(),
                    e.author().name(), e.referenceSize(), e.components().stream()
                            .map(c -> new PlannedComponent(c.component(), c.nodes(), c.vcpu(), c.memoryGb(),
                                    c.placement().name()))
                            .toList(),
                    e.migrationApproach(), e.rollbackApproach(), e.plannedWindowStart(), e.plannedWindowEnd(),
                    e.planDocumentUrl()))
            .publish(ArchitectureConformsEvent.class, e -> new ArchitectureConforms(e.engagementId(), e.planVersion(),
                    e.referenceSize()))
            .publish(ArchitectureDeviationDetectedEvent.class, e -> new ArchitectureDeviationDetected(e.engagementId(),
                    e.planVersion(), e.referenceSize(), contract(e.deviations())))
            .publish(DeviationJustifiedEvent.class, e -> new DeviationJustified(e.engagementId(), e.planVersion(),
                    e.reasonCategory().name(), e.explanation()))
            .publish(SupportReviewRequestedEvent.class, e -> new SupportReviewRequested(e.engagementId(),
                    e.reviewId(), e.planVersion(), e.customerOrganisation(), e.csm(), e.referenceSize(),
                    contract(e.deviations()),
                    e.performance() == null ? null : new PerformanceSummary(e.performance().verdict(),
                            contract(e.performance().basis()), e.performance().customerScore(),
                            e.performance().benchmarkScore(), e.performance().testsFellShort())))
            .publish(PlanSharedWithSupportEvent.class, e -> new PlanSharedWithSupport(e.engagementId(),
                    e.planReviewId(), e.planVersion(), e.customerOrganisation(), e.csm(), e.referenceSize(),
                    e.planDocumentUrl(), e.conforms(), contract(e.deviations())))
            // the deviation process (C6), questions to other teams (C4), the migration's start and end (C8)
            .publish(ReferenceArchitectureReviewedEvent.class, e -> new ReferenceArchitectureReviewed(
                    e.engagementId(), e.planVersion()))
            .publish(RevisionDiscussedEvent.class, e -> new RevisionDiscussed(e.engagementId(), e.planVersion(),
                    e.outcome().name(), e.notes()))
            .publish(ExpectationsSetEvent.class, e -> new ExpectationsSet(e.engagementId(), e.planVersion()))
            .publish(PerformanceComparedEvent.class, e -> new PerformanceCompared(e.engagementId(), e.planVersion(),
                    e.referenceSize(), e.verdict(), e.customerScore(), e.benchmarkScore(), e.tests().stream()
                            .map(t -> new PerformanceTestComparison(t.test(), t.customerPassed(), t.scoreDelta(),
                                    t.rpsDelta(), t.ttfbP90DeltaMs(), t.belowBenchmark(), contract(t.customer()),
                                    contract(t.reference()), t.shortOn()))
                            .toList(),
                    contract(e.basisOrInferred())))
            .publish(FutureAdoptionAdvisedEvent.class, e -> new FutureAdoptionAdvised(e.engagementId(),
                    e.planVersion()))
            .publish(DocumentationRecordedEvent.class, e -> new DocumentationRecorded(e.engagementId(),
                    e.planVersion(), e.location()))
            .publish(DocumentationSharedWithSupportEvent.class, e -> new DocumentationSharedWithSupport(
                    e.engagementId(), e.planVersion()))
            .publish(DeviationAcceptedEvent.class, e -> new DeviationAccepted(e.engagementId(), e.planVersion(),
                    e.verdict().name()))
            .publish(ReturnedToPlanningEvent.class, e -> new ReturnedToPlanning(e.engagementId(), e.planVersion(),
                    e.reason()))
            .publish(InternalAssistanceRequestedEvent.class, e -> new InternalAssistanceRequested(e.engagementId(),
                    e.requestId(), e.team().name(), e.question()))
            .publish(InternalAssistanceAnsweredEvent.class, e -> new InternalAssistanceAnswered(e.engagementId(),
                    e.requestId(), e.answer()))
            .publish(MigrationStartedEvent.class, e -> new MigrationStarted(e.engagementId(), e.planVersion()))
            .publish(MigrationCompletedEvent.class, e -> new MigrationCompleted(e.engagementId(), e.planVersion()))
            // kept in the service: a refused command is the engagement's own record (D11); the customer's raw
            // GPT results (PerformanceCompared carries the verdict) and the documentation links; and what
            // review-service decided, which is on review-service's topic already
            .keepInternal(EngagementCommandRefusedEvent.class, PerformanceResultsSubmittedEvent.class,
                    ReferenceDocumentationProvidedEvent.class, SupportReviewOutcomeReceivedEvent.class,
                    PlanReviewCompletedEvent.class)
            .build();

    /**
     * Erasures (docs/personal-data.md) are published so every consumer forgets the person; the
     * case is the person's hash, and the record names nobody. Keys erased is this service's affair.
     */
    static final ContractTranslations ERASURES = ContractTranslations.of(PersonalDataErasedEvent.class,
                    PersonalDataErasedEvent::personHash)
            .publish(PersonalDataErasedEvent.class, e -> new PersonalDataErased(e.personHash(), e.erasedAt()))
            .build();

    @Override
    public Optional<OutboundIntegrationEvent> translate(Object domainEvent) {
        return TABLE.translate(domainEvent).or(() -> ERASURES.translate(domainEvent));
    }

    static List<ArchitectureDeviation> contract(List<Deviation> deviations) {
        return deviations.stream()
                .map(d -> new ArchitectureDeviation(d.component(), d.expected(), d.proposed(), d.kind().name()))
                .toList();
    }

    private static com.upgradecoordination.events.coordination.PerformanceBasis contract(PerformanceBasis basis) {
        return new com.upgradecoordination.events.coordination.PerformanceBasis(basis.kind(), basis.size(),
                basis.benchmarkVersion(), basis.gitlabVersion(), basis.runDate(), basis.sourceUrl(),
                basis.loadProfile(), basis.description());
    }

    private static PerformanceTestComparison.TestFigures contract(PerformanceFigures figures) {
        return figures == null ? null
                : new PerformanceTestComparison.TestFigures(figures.rps(), figures.ttfbP90Ms(), figures.successRate());
    }
}
