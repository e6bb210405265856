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
import com.upgradecoordination.platform.relay.IntegrationEventTranslator;
import com.upgradecoordination.platform.relay.OutboundIntegrationEvent;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Which domain events of the engagement are published, and as which contract. The case id is the engagement id. */
@Component
public class CoordinationIntegrationEvents implements IntegrationEventTranslator {

    @Override
    public Optional<OutboundIntegrationEvent> translate(Object domainEvent) {
        Record payload = contractOf(domainEvent);
        return Optional.ofNullable(payload)
                .map(p -> new OutboundIntegrationEvent(((EngagementEvent) domainEvent).engagementId(), p));
    }

    private static Record contractOf(Object domainEvent) {
        if (domainEvent instanceof EngagementOpenedEvent e) {
            return new EngagementOpened(e.engagementId(), e.customerOrganisation(), e.csm(),
                    e.reasons().stream().map(Enum::name).sorted().toList(), e.deploymentType().name());
        }
        if (domainEvent instanceof RequirementsRecordedEvent e) {
            return new RequirementsRecorded(e.engagementId(), e.currentUsers(),
                    e.expectedUsers(), e.growthHorizonMonths(), e.peakRps(), e.highAvailability(), e.geo(),
                    e.targetCompletionDate());
        }
        if (domainEvent instanceof ReferenceArchitectureMatchedEvent e) {
            return new ReferenceArchitectureMatched(e.engagementId(), e.size(), e.sizedBy());
        }
        if (domainEvent instanceof ProfessionalServicesRecommendedEvent e) {
            return new ProfessionalServicesRecommended(e.engagementId(), e.strength().name(), e.expectedUsers());
        }
        if (domainEvent instanceof ProfessionalServicesEngagedEvent e) {
            return new ProfessionalServicesDecided(e.engagementId(), "ENGAGED", null);
        }
        if (domainEvent instanceof ProfessionalServicesDeclinedEvent e) {
            return new ProfessionalServicesDecided(e.engagementId(), "DECLINED", e.reason());
        }
        if (domainEvent instanceof TimelineRiskFlaggedEvent e) {
            return new TimelineRiskFlagged(e.engagementId(), e.expectedUsers(), e.planningStarted(),
                    e.targetCompletionDate());
        }
        if (domainEvent instanceof MigrationProblemReportedEvent e) {
            return new MigrationProblemReported(e.engagementId(), e.problemId(), e.description(), e.routedTo().name());
        }
        if (domainEvent instanceof EngagementClosedEvent e) {
            return new EngagementClosed(e.engagementId(), e.outcome().name());
        }
        if (domainEvent instanceof PlanSubmittedEvent e) {
            return new PlanSubmitted(e.engagementId(), e.planVersion(), e.author().name(),
                    e.referenceSize(), e.components().stream()
                            .map(c -> new PlannedComponent(c.component(), c.nodes(), c.vcpu(), c.memoryGb(),
                                    c.placement().name()))
                            .toList(),
                    e.migrationApproach(), e.rollbackApproach(), e.plannedWindowStart(), e.plannedWindowEnd(),
                    e.planDocumentUrl());
        }
        if (domainEvent instanceof ArchitectureConformsEvent e) {
            return new ArchitectureConforms(e.engagementId(), e.planVersion(), e.referenceSize());
        }
        if (domainEvent instanceof ArchitectureDeviationDetectedEvent e) {
            return new ArchitectureDeviationDetected(e.engagementId(),
                    e.planVersion(), e.referenceSize(), contract(e.deviations()));
        }
        if (domainEvent instanceof DeviationJustifiedEvent e) {
            return new DeviationJustified(e.engagementId(), e.planVersion(),
                    e.reasonCategory().name(), e.explanation());
        }
        if (domainEvent instanceof SupportReviewRequestedEvent e) {
            return new SupportReviewRequested(e.engagementId(), e.reviewId(),
                    e.planVersion(), e.customerOrganisation(), e.csm(), e.referenceSize(), contract(e.deviations()),
                    e.performance() == null ? null : new PerformanceSummary(e.performance().verdict(),
                            contract(e.performance().basis()), e.performance().customerScore(),
                            e.performance().benchmarkScore(), e.performance().testsFellShort()));
        }
        if (domainEvent instanceof PlanSharedWithSupportEvent e) {
            return new PlanSharedWithSupport(e.engagementId(), e.planReviewId(), e.planVersion(),
                    e.customerOrganisation(), e.csm(), e.referenceSize(), e.planDocumentUrl(), e.conforms(),
                    contract(e.deviations()));
        }
        return deviationProcessContractOf(domainEvent);
    }

    /** The deviation process (C6), questions to other teams (C4) and the migration's start and end (C8). */
    private static Record deviationProcessContractOf(Object domainEvent) {
        if (domainEvent instanceof ReferenceArchitectureReviewedEvent e) {
            return new ReferenceArchitectureReviewed(e.engagementId(), e.planVersion());
        }
        if (domainEvent instanceof RevisionDiscussedEvent e) {
            return new RevisionDiscussed(e.engagementId(), e.planVersion(), e.outcome().name(), e.notes());
        }
        if (domainEvent instanceof ExpectationsSetEvent e) {
            return new ExpectationsSet(e.engagementId(), e.planVersion());
        }
        if (domainEvent instanceof PerformanceComparedEvent e) {
            return new PerformanceCompared(e.engagementId(), e.planVersion(), e.referenceSize(), e.verdict(),
                    e.customerScore(), e.benchmarkScore(), e.tests().stream()
                            .map(t -> new PerformanceTestComparison(t.test(), t.customerPassed(), t.scoreDelta(),
                                    t.rpsDelta(), t.ttfbP90DeltaMs(), t.belowBenchmark(), contract(t.customer()),
                                    contract(t.reference()), t.shortOn()))
                            .toList(),
                    contract(e.basisOrInferred()));
        }
        if (domainEvent instanceof FutureAdoptionAdvisedEvent e) {
            return new FutureAdoptionAdvised(e.engagementId(), e.planVersion());
        }
        if (domainEvent instanceof DocumentationRecordedEvent e) {
            return new DocumentationRecorded(e.engagementId(), e.planVersion(), e.location());
        }
        if (domainEvent instanceof DocumentationSharedWithSupportEvent e) {
            return new DocumentationSharedWithSupport(e.engagementId(), e.planVersion());
        }
        if (domainEvent instanceof DeviationAcceptedEvent e) {
            return new DeviationAccepted(e.engagementId(), e.planVersion(), e.verdict().name());
        }
        if (domainEvent instanceof ReturnedToPlanningEvent e) {
            return new ReturnedToPlanning(e.engagementId(), e.planVersion(), e.reason());
        }
        if (domainEvent instanceof InternalAssistanceRequestedEvent e) {
            return new InternalAssistanceRequested(e.engagementId(), e.requestId(), e.team().name(), e.question());
        }
        if (domainEvent instanceof InternalAssistanceAnsweredEvent e) {
            return new InternalAssistanceAnswered(e.engagementId(), e.requestId(), e.answer());
        }
        if (domainEvent instanceof MigrationStartedEvent e) {
            return new MigrationStarted(e.engagementId(), e.planVersion());
        }
        if (domainEvent instanceof MigrationCompletedEvent e) {
            return new MigrationCompleted(e.engagementId(), e.planVersion());
        }
        return null;
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
