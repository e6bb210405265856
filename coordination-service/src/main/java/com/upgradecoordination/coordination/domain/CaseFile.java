package com.upgradecoordination.coordination.domain;

import com.upgradecoordination.coordination.api.ArchitectureConformsEvent;
import com.upgradecoordination.coordination.api.ArchitectureDeviationDetectedEvent;
import com.upgradecoordination.coordination.api.Deviation;
import com.upgradecoordination.coordination.api.DeviationAcceptedEvent;
import com.upgradecoordination.coordination.api.DeviationJustifiedEvent;
import com.upgradecoordination.coordination.api.DocumentationRecordedEvent;
import com.upgradecoordination.coordination.api.DocumentationSharedWithSupportEvent;
import com.upgradecoordination.coordination.api.EngagementClosedEvent;
import com.upgradecoordination.coordination.api.EngagementOpenedEvent;
import com.upgradecoordination.coordination.api.ExpectationsSetEvent;
import com.upgradecoordination.coordination.api.FutureAdoptionAdvisedEvent;
import com.upgradecoordination.coordination.api.MigrationCompletedEvent;
import com.upgradecoordination.coordination.api.MigrationStartedEvent;
import com.upgradecoordination.coordination.api.PerformanceComparedEvent;
import com.upgradecoordination.coordination.api.PerformanceOutcome;
import com.upgradecoordination.coordination.api.PlanSubmittedEvent;
import com.upgradecoordination.coordination.api.ReferenceArchitectureMatchedEvent;
import com.upgradecoordination.coordination.api.ReferenceArchitectureReviewedEvent;
import com.upgradecoordination.coordination.api.RequirementsRecordedEvent;
import com.upgradecoordination.coordination.api.ReturnedToPlanningEvent;
import com.upgradecoordination.coordination.api.RevisionDiscussedEvent;
import com.upgradecoordination.coordination.api.SupportReviewOutcomeReceivedEvent;
import com.upgradecoordination.coordination.api.SupportReviewRequestedEvent;
import com.upgradecoordination.coordination.domain.DeviationProcess.Step;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

/**
 * What every part of an engagement knows of the case: whose it is, its reference size, its latest
 * plan (with its performance comparison) and where it stands ({@link EngagementProgress}). The
 * aggregate root is the case file, the only one: a member whose rules or events need the case takes
 * it as a parameter of its command handlers ({@link CaseFileParameterResolverFactory}) and keeps no
 * copy, so each event updates the case once and a snapshot holds it once (decision D17).
 *
 * <p>Axon calls one event-sourcing handler per event and object: a subclass must not handle the
 * events handled here.
 */
class CaseFile {

    @AggregateIdentifier
    private String engagementId;
    private String customerOrganisation;
    private String csm;
    private String referenceSize;
    private LocalDate planningStarted;
    private String latestPlanDocumentUrl;
    private List<Deviation> latestDeviations = List.of();
    // e: the latest plan version's performance comparison, with the basis it rests on
    private PerformanceOutcome latestPerformance;
    private EngagementProgress progress = EngagementProgress.opened();

    String engagementId() {
        return engagementId;
    }

    String customerOrganisation() {
        return customerOrganisation;
    }

    String csm() {
        return csm;
    }

    /** The reference architecture the requirements matched, null before them. */
    String referenceSize() {
        return referenceSize;
    }

    /** When the requirements were first recorded, null before. */
    LocalDate planningStarted() {
        return planningStarted;
    }

    String latestPlanDocumentUrl() {
        return latestPlanDocumentUrl;
    }

    /** How the latest plan deviates from its reference architecture; empty when it conforms. */
    List<Deviation> latestDeviations() {
        return latestDeviations;
    }

    /** The latest plan version's performance comparison in brief, null before one. */
    PerformanceOutcome latestPerformance() {
        return latestPerformance;
    }

    EngagementProgress progress() {
        return progress;
    }

    @EventSourcingHandler
    void on(EngagementOpenedEvent event) {
        engagementId = event.engagementId();
        customerOrganisation = event.customerOrganisation();
        csm = event.csm();
    }

    @EventSourcingHandler
    void on(RequirementsRecordedEvent event, @Timestamp Instant at) {
        if (planningStarted == null) {
            planningStarted = LocalDate.ofInstant(at, ZoneOffset.UTC);
        }
        progress = progress.withRequirementsRecorded();
    }

    @EventSourcingHandler
    void on(ReferenceArchitectureMatchedEvent event) {
        referenceSize = event.size();
    }

    @EventSourcingHandler
    void on(PlanSubmittedEvent event) {
        latestPlanDocumentUrl = event.planDocumentUrl();
        latestPerformance = null;
        progress = progress.withPlanSubmitted(event.planVersion());
    }

    @EventSourcingHandler
    void on(ArchitectureConformsEvent event) {
        latestDeviations = List.of();
        progress = progress.withPlanCompared(false);
    }

    @EventSourcingHandler
    void on(ArchitectureDeviationDetectedEvent event) {
        latestDeviations = event.deviations();
        progress = progress.withPlanCompared(true);
    }

    @EventSourcingHandler
    void on(ReferenceArchitectureReviewedEvent event) {
        progress = progress.withStep(Step.REFERENCE_ARCHITECTURE_REVIEWED, event.planVersion());
    }

    @EventSourcingHandler
    void on(RevisionDiscussedEvent event) {
        progress = progress.withRevisionDiscussed(event.outcome(), event.planVersion());
    }

    @EventSourcingHandler
    void on(DeviationJustifiedEvent event) {
        progress = progress.withStep(Step.DEVIATION_JUSTIFIED, event.planVersion());
    }

    @EventSourcingHandler
    void on(ExpectationsSetEvent event) {
        progress = progress.withStep(Step.EXPECTATIONS_SET, event.planVersion());
    }

    @EventSourcingHandler
    void on(PerformanceComparedEvent event) {
        latestPerformance = PerformanceOutcome.of(event);
        progress = progress.withStep(Step.PERFORMANCE_COMPARED, event.planVersion());
    }

    @EventSourcingHandler
    void on(SupportReviewRequestedEvent event) {
        progress = progress.withSupportReviewRequested(event.planVersion());
    }

    @EventSourcingHandler
    void on(SupportReviewOutcomeReceivedEvent event) {
        progress = progress.withSupportVerdict(event.verdict(), event.planVersion());
    }

    @EventSourcingHandler
    void on(ReturnedToPlanningEvent event) {
        progress = progress.withReturnedToPlanning();
    }

    @EventSourcingHandler
    void on(FutureAdoptionAdvisedEvent event) {
        progress = progress.withStep(Step.FUTURE_ADOPTION_ADVISED, event.planVersion());
    }

    @EventSourcingHandler
    void on(DocumentationRecordedEvent event) {
        progress = progress.withStep(Step.DOCUMENTATION_RECORDED, event.planVersion());
    }

    @EventSourcingHandler
    void on(DocumentationSharedWithSupportEvent event) {
        progress = progress.withStep(Step.DOCUMENTATION_SHARED_WITH_SUPPORT, event.planVersion());
    }

    @EventSourcingHandler
    void on(DeviationAcceptedEvent event) {
        progress = progress.withDeviationAccepted(event.planVersion());
    }

    @EventSourcingHandler
    void on(MigrationStartedEvent event) {
        progress = progress.withMigrationStarted();
    }

    @EventSourcingHandler
    void on(MigrationCompletedEvent event) {
        progress = progress.withMigrationCompleted();
    }

    @EventSourcingHandler
    void on(EngagementClosedEvent event) {
        progress = progress.withClosed();
    }
}
