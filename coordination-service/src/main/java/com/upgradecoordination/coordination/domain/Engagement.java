package com.upgradecoordination.coordination.domain;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.upgradecoordination.coordination.api.ArchitectureConformsEvent;
import com.upgradecoordination.coordination.api.ArchitectureDeviationDetectedEvent;
import com.upgradecoordination.coordination.api.Deviation;
import com.upgradecoordination.coordination.api.DeviationJustifiedEvent;
import com.upgradecoordination.coordination.api.EngagementOpenedEvent;
import com.upgradecoordination.coordination.api.JustifyDeviationCommand;
import com.upgradecoordination.coordination.api.OpenEngagementCommand;
import com.upgradecoordination.coordination.api.PlanSubmittedEvent;
import com.upgradecoordination.coordination.api.RecordRequirementsCommand;
import com.upgradecoordination.coordination.api.RecordSupportReviewOutcomeCommand;
import com.upgradecoordination.coordination.api.ReferenceArchitectureMatchedEvent;
import com.upgradecoordination.coordination.api.RequestSupportReviewCommand;
import com.upgradecoordination.coordination.api.RequirementsRecordedEvent;
import com.upgradecoordination.coordination.api.SubmitPlanCommand;
import com.upgradecoordination.coordination.api.SupportReviewOutcomeReceivedEvent;
import com.upgradecoordination.coordination.api.SupportReviewRequestedEvent;
import com.upgradecoordination.platform.domain.RuleViolationException;
import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One customer's upgrade engagement: the case. Command handlers validate and apply; event-sourcing
 * handlers only assign state.
 */
@Aggregate
public class Engagement {

    @AggregateIdentifier
    private String engagementId;
    private String customerOrganisation;
    private String csm;
    private String referenceSize;
    private List<Deviation> latestDeviations = List.of();
    private int latestPlanVersion;
    private boolean latestPlanDeviates;
    private int justifiedPlanVersion;
    private String pendingReviewId;
    private int pendingReviewPlanVersion;

    protected Engagement() {
        // for Axon
    }

    @CommandHandler
    public Engagement(OpenEngagementCommand command) {
        require(command.engagementId(), "engagementId");
        require(command.customerOrganisation(), "customerOrganisation");
        require(command.csm(), "csm");
        if (command.reasons() == null || command.reasons().isEmpty()) {
            throw new IllegalArgumentException("reasons: name at least one reason for the upgrade");
        }
        if (command.deploymentType() == null) {
            throw new IllegalArgumentException("deploymentType: required");
        }
        apply(new EngagementOpenedEvent(command.engagementId(), command.customerOrganisation().strip(),
                command.csm().strip(), command.reasons(), command.deploymentType()));
    }

    @CommandHandler
    public void handle(RecordRequirementsCommand command, ReferenceArchitectureCatalog catalog) {
        if (command.currentUsers() < 1 || command.expectedUsers() < 1) {
            throw new IllegalArgumentException("currentUsers and expectedUsers: at least 1");
        }
        if (command.expectedUsers() < command.currentUsers()) {
            throw new IllegalArgumentException("expectedUsers: cannot be fewer than currentUsers");
        }
        if (command.peakRps() != null && command.peakRps() < 1) {
            throw new IllegalArgumentException("peakRps: at least 1 when given");
        }
        if (command.targetCompletionDate() == null) {
            throw new IllegalArgumentException("targetCompletionDate: required");
        }
        Sizing sizing = catalog.sizeFor(command.expectedUsers(), command.peakRps());
        apply(new RequirementsRecordedEvent(engagementId, command.currentUsers(), command.expectedUsers(),
                command.growthHorizonMonths(), command.peakRps(), command.highAvailability(), command.geo(),
                command.targetCompletionDate()));
        if (!sizing.architecture().size().equals(referenceSize)) {
            apply(new ReferenceArchitectureMatchedEvent(engagementId, sizing.architecture().size(), sizing.sizedBy()));
        }
    }

    @CommandHandler
    public int handle(SubmitPlanCommand command, ReferenceArchitectureCatalog catalog) {
        if (referenceSize == null) {
            throw new RuleViolationException("plan-requires-requirements",
                    "Record the customer's requirements first: a plan is compared with the reference architecture of their size");
        }
        if (command.author() == null) {
            throw new IllegalArgumentException("author: required");
        }
        if (command.components() == null || command.components().isEmpty()) {
            throw new IllegalArgumentException("components: a plan proposes at least one component");
        }
        if (command.plannedWindowStart() != null && command.plannedWindowEnd() != null
                && !command.plannedWindowEnd().isAfter(command.plannedWindowStart())) {
            throw new IllegalArgumentException("plannedWindowEnd: must be after plannedWindowStart");
        }
        ReferenceArchitecture reference = catalog.size(referenceSize);
        List<Deviation> deviations = catalog.compare(reference, command.components());
        int version = latestPlanVersion + 1;
        apply(new PlanSubmittedEvent(engagementId, version, command.author(), referenceSize,
                List.copyOf(command.components()), command.migrationApproach(), command.rollbackApproach(),
                command.plannedWindowStart(), command.plannedWindowEnd(), command.planDocumentUrl()));
        if (deviations.isEmpty()) {
            apply(new ArchitectureConformsEvent(engagementId, version, referenceSize));
        } else {
            apply(new ArchitectureDeviationDetectedEvent(engagementId, version, referenceSize, deviations));
        }
        return version;
    }

    @CommandHandler
    public void handle(JustifyDeviationCommand command) {
        requireDeviatingPlan("justify a deviation");
        if (command.reasonCategory() == null) {
            throw new IllegalArgumentException("reasonCategory: required");
        }
        require(command.explanation(), "explanation");
        if (justifiedPlanVersion == latestPlanVersion) {
            throw new RuleViolationException("deviation-already-justified",
                    "The deviation of plan version " + latestPlanVersion + " is already justified");
        }
        apply(new DeviationJustifiedEvent(engagementId, latestPlanVersion, command.reasonCategory(),
                command.explanation().strip()));
    }

    @CommandHandler
    public void handle(RequestSupportReviewCommand command) {
        require(command.reviewId(), "reviewId");
        requireDeviatingPlan("request a support review");
        if (justifiedPlanVersion != latestPlanVersion) {
            throw new RuleViolationException("review-requires-justification",
                    "Justify the deviation of plan version " + latestPlanVersion + " before asking Support to review it");
        }
        if (pendingReviewId != null) {
            throw new RuleViolationException("review-already-pending",
                    "Support review " + pendingReviewId + " of plan version " + pendingReviewPlanVersion
                            + " is still pending");
        }
        apply(new SupportReviewRequestedEvent(engagementId, command.reviewId(), latestPlanVersion,
                customerOrganisation, csm, referenceSize, latestDeviations));
    }

    @CommandHandler
    public void handle(RecordSupportReviewOutcomeCommand command) {
        if (pendingReviewId == null || !pendingReviewId.equals(command.reviewId())) {
            throw new RuleViolationException("no-such-pending-review",
                    "No support review " + command.reviewId() + " is pending on engagement " + engagementId);
        }
        apply(new SupportReviewOutcomeReceivedEvent(engagementId, command.reviewId(), command.planVersion(),
                command.verdict(), List.copyOf(command.recommendations()), command.reviewer(),
                command.reviewerLevel()));
    }

    @EventSourcingHandler
    void on(EngagementOpenedEvent event) {
        engagementId = event.engagementId();
        customerOrganisation = event.customerOrganisation();
        csm = event.csm();
    }

    @EventSourcingHandler
    void on(ReferenceArchitectureMatchedEvent event) {
        referenceSize = event.size();
    }

    @EventSourcingHandler
    void on(PlanSubmittedEvent event) {
        latestPlanVersion = event.planVersion();
    }

    @EventSourcingHandler
    void on(ArchitectureConformsEvent event) {
        latestPlanDeviates = false;
        latestDeviations = List.of();
    }

    @EventSourcingHandler
    void on(ArchitectureDeviationDetectedEvent event) {
        latestPlanDeviates = true;
        latestDeviations = event.deviations();
    }

    @EventSourcingHandler
    void on(DeviationJustifiedEvent event) {
        justifiedPlanVersion = event.planVersion();
    }

    @EventSourcingHandler
    void on(SupportReviewRequestedEvent event) {
        pendingReviewId = event.reviewId();
        pendingReviewPlanVersion = event.planVersion();
    }

    @EventSourcingHandler
    void on(SupportReviewOutcomeReceivedEvent event) {
        pendingReviewId = null;
    }

    private void requireDeviatingPlan(String action) {
        if (latestPlanVersion == 0) {
            throw new RuleViolationException("requires-plan", "Submit a plan before you " + action);
        }
        if (!latestPlanDeviates) {
            throw new RuleViolationException("requires-deviating-plan",
                    "Plan version " + latestPlanVersion + " conforms to the reference architecture; only a deviating plan needs you to " + action);
        }
    }

    private static void require(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + ": required");
        }
    }
}
