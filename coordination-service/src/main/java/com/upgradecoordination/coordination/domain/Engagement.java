package com.upgradecoordination.coordination.domain;

import static com.upgradecoordination.coordination.domain.MigrationPolicies.acceptedPlanFirst;
import static com.upgradecoordination.coordination.domain.MigrationPolicies.completedAfterMigration;
import static com.upgradecoordination.coordination.domain.MigrationPolicies.notStartedYet;
import static com.upgradecoordination.coordination.domain.MigrationPolicies.stillOpen;
import static com.upgradecoordination.coordination.domain.MigrationPolicies.whileRunning;
import static com.upgradecoordination.coordination.domain.PlanPolicies.planFirst;
import static com.upgradecoordination.coordination.domain.PlanPolicies.requirementsFirst;
import static com.upgradecoordination.coordination.domain.ProfessionalServicesPolicies.planFromCustomerAfterDecline;
import static com.upgradecoordination.platform.domain.CommandInput.require;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.upgradecoordination.coordination.api.ArchitectureConformsEvent;
import com.upgradecoordination.coordination.api.ArchitectureDeviationDetectedEvent;
import com.upgradecoordination.coordination.api.CloseEngagementCommand;
import com.upgradecoordination.coordination.api.CompleteMigrationCommand;
import com.upgradecoordination.coordination.api.Deviation;
import com.upgradecoordination.coordination.api.EngagementClosedEvent;
import com.upgradecoordination.coordination.api.EngagementOpenedEvent;
import com.upgradecoordination.coordination.api.MigrationCompletedEvent;
import com.upgradecoordination.coordination.api.MigrationProblemReportedEvent;
import com.upgradecoordination.coordination.api.MigrationStartedEvent;
import com.upgradecoordination.coordination.api.OpenEngagementCommand;
import com.upgradecoordination.coordination.api.PlanSubmittedEvent;
import com.upgradecoordination.coordination.api.RecordRequirementsCommand;
import com.upgradecoordination.coordination.api.ReferenceArchitectureMatchedEvent;
import com.upgradecoordination.coordination.api.ReportMigrationProblemCommand;
import com.upgradecoordination.coordination.api.RequirementsRecordedEvent;
import com.upgradecoordination.coordination.api.StartMigrationCommand;
import com.upgradecoordination.coordination.api.SubmitPlanCommand;
import com.upgradecoordination.coordination.api.TimelineRiskFlaggedEvent;
import com.upgradecoordination.platform.axon.AggregateSnapshots;
import com.upgradecoordination.platform.axon.ForwardHandledEvents;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.modelling.command.AggregateMember;
import org.axonframework.modelling.command.CommandHandlerInterceptor;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One customer's upgrade engagement: the case. The root takes the main line (opening, requirements,
 * plans, the migration and closing) and is the {@link CaseFile}; each sub-process is a member
 * with its own commands, given the case file where its rules need it: Professional Services, internal assistance, the deviation process and
 * Support's plan reviews. Command handlers enforce the policies and apply; event-sourcing handlers
 * only assign state.
 */
// Snapshotted (issue 13); the revision names the shape of its fields: bump it when they change.
@Aggregate(snapshotTriggerDefinition = AggregateSnapshots.TRIGGER)
@Revision("3")
public class Engagement extends CaseFile {

    /** From this many expected users ProServ is highly recommended and short timelines are a risk (SPEC C3). */
    static final int LARGE_UPGRADE_USERS = 5000;

    private LocalDate timelineRiskFlaggedFor;
    // each member gets only the events it handles (Axon would hand each one every event: issue 13)
    @AggregateMember(eventForwardingMode = ForwardHandledEvents.class)
    private final ProfessionalServicesOffer professionalServices = new ProfessionalServicesOffer();
    @AggregateMember(eventForwardingMode = ForwardHandledEvents.class)
    private final AssistanceRequests assistance = new AssistanceRequests();
    @AggregateMember(eventForwardingMode = ForwardHandledEvents.class)
    private final DeviationReview deviationReview = new DeviationReview();
    @AggregateMember(eventForwardingMode = ForwardHandledEvents.class)
    private final PlanReviews planReviews = new PlanReviews();

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

    /** A closed engagement keeps its history and takes no more commands, its members' included (SPEC C8). */
    @CommandHandlerInterceptor
    public Object refuseCommandsWhenClosed(CommandMessage<?> command, InterceptorChain chain) throws Exception {
        enforce(stillOpen(progress(), engagementId()), command.getPayload());
        return chain.proceed();
    }

    /** C1-C3: the requirements size the engagement, recommend ProServ and may flag a short timeline. */
    @CommandHandler
    public void handle(RecordRequirementsCommand command, ReferenceArchitectureCatalog catalog, Clock clock) {
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
        // Planning starts when the requirements are first recorded.
        LocalDate planningStart = planningStarted() != null ? planningStarted() : LocalDate.now(clock);
        apply(new RequirementsRecordedEvent(engagementId(), command.currentUsers(), command.expectedUsers(),
                command.growthHorizonMonths(), command.peakRps(), command.highAvailability(), command.geo(),
                command.targetCompletionDate()));
        if (!sizing.architecture().size().equals(referenceSize())) {
            apply(new ReferenceArchitectureMatchedEvent(engagementId(), sizing.architecture().size(),
                    sizing.sizedBy()));
        }
        professionalServices.recommendFor(command.expectedUsers());
        if (command.expectedUsers() >= LARGE_UPGRADE_USERS
                && command.targetCompletionDate().isBefore(planningStart.plusMonths(3))
                && !command.targetCompletionDate().equals(timelineRiskFlaggedFor)) {
            apply(new TimelineRiskFlaggedEvent(engagementId(), command.expectedUsers(), planningStart,
                    command.targetCompletionDate()));
        }
    }

    /** C5: each plan is a new version, compared with the reference architecture of the customer's size. */
    @CommandHandler
    public int handle(SubmitPlanCommand command, ReferenceArchitectureCatalog catalog) {
        enforce(requirementsFirst(progress()), command);
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
        enforce(planFromCustomerAfterDecline(professionalServices, command.author()), command);
        String size = referenceSize();
        List<Deviation> deviations = catalog.compare(catalog.size(size), command.components());
        int version = progress().latestPlanVersion() + 1;
        apply(new PlanSubmittedEvent(engagementId(), version, command.author(), size,
                List.copyOf(command.components()), command.migrationApproach(), command.rollbackApproach(),
                command.plannedWindowStart(), command.plannedWindowEnd(), command.planDocumentUrl()));
        if (deviations.isEmpty()) {
            apply(new ArchitectureConformsEvent(engagementId(), version, size));
        } else {
            apply(new ArchitectureDeviationDetectedEvent(engagementId(), version, size, deviations));
        }
        return version;
    }

    /** C8: the migration starts on a conforming plan or once its deviation is accepted. */
    @CommandHandler
    public void handle(StartMigrationCommand command) {
        enforce(planFirst(progress(), "start the migration"), command);
        enforce(acceptedPlanFirst(progress()), command);
        enforce(notStartedYet(progress()), command);
        apply(new MigrationStartedEvent(engagementId(), progress().latestPlanVersion()));
    }

    /**
     * C8: a problem during the migration goes to Professional Services when engaged; otherwise
     * Support is the primary contact (review-service opens or joins a ticket).
     */
    @CommandHandler
    public void handle(ReportMigrationProblemCommand command) {
        require(command.problemId(), "problemId");
        require(command.description(), "description");
        enforce(whileRunning(progress(), "Problems are reported while the migration runs"), command);
        apply(new MigrationProblemReportedEvent(engagementId(), command.problemId(), command.description().strip(),
                professionalServices.problemRoute()));
    }

    @CommandHandler
    public void handle(CompleteMigrationCommand command) {
        enforce(whileRunning(progress(), "Only a running migration can complete"), command);
        apply(new MigrationCompletedEvent(engagementId(), progress().latestPlanVersion()));
    }

    /** C8: completed after the migration, or cancelled at any time; the history stays either way. */
    @CommandHandler
    public void handle(CloseEngagementCommand command) {
        if (command.outcome() == null) {
            throw new IllegalArgumentException("outcome: required");
        }
        enforce(completedAfterMigration(progress(), command.outcome()), command);
        apply(new EngagementClosedEvent(engagementId(), command.outcome(),
                command.notes() == null ? null : command.notes().strip()));
    }

    @EventSourcingHandler
    void on(TimelineRiskFlaggedEvent event) {
        timelineRiskFlaggedFor = event.targetCompletionDate();
    }

    private void enforce(Optional<Refusal> verdict, Object command) {
        Refusal.enforce(verdict, engagementId(), command);
    }
}
