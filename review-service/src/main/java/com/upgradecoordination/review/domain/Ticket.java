package com.upgradecoordination.review.domain;

import static com.upgradecoordination.platform.domain.CommandInput.optional;
import static com.upgradecoordination.platform.domain.CommandInput.require;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.upgradecoordination.review.api.AddCsmAsFollowerCommand;
import com.upgradecoordination.review.api.AssignTicketCommand;
import com.upgradecoordination.review.api.CloseTicketCommand;
import com.upgradecoordination.review.api.CsmSource;
import com.upgradecoordination.review.api.HandOffTicketCommand;
import com.upgradecoordination.review.api.NoteMigrationProblemCommand;
import com.upgradecoordination.review.api.OpenMigrationProblemTicketCommand;
import com.upgradecoordination.review.api.PlanFeedbackProvidedEvent;
import com.upgradecoordination.review.api.PostponementRecommendedEvent;
import com.upgradecoordination.review.api.ProvideCustomerInformationCommand;
import com.upgradecoordination.review.api.ProvidePlanFeedbackCommand;
import com.upgradecoordination.review.api.RecommendPostponementCommand;
import com.upgradecoordination.review.api.RecordHandoffSyncCommand;
import com.upgradecoordination.review.api.RecordReviewCallHeldCommand;
import com.upgradecoordination.review.api.ReportUpgradeOutcomeCommand;
import com.upgradecoordination.review.api.RequestPairingCommand;
import com.upgradecoordination.review.api.RequestReviewCallCommand;
import com.upgradecoordination.review.api.RequestUpgradeAssistanceCommand;
import com.upgradecoordination.review.api.RescheduleUpgradeCommand;
import com.upgradecoordination.review.api.ScheduleUpgradeCommand;
import com.upgradecoordination.review.api.SendReviewCallLinkCommand;
import com.upgradecoordination.review.api.TicketClosedEvent;
import com.upgradecoordination.review.api.TicketEvent;
import com.upgradecoordination.review.api.TicketOpenedForMigrationProblemEvent;
import com.upgradecoordination.review.api.TicketStatus;
import com.upgradecoordination.review.api.TicketStatusChangedEvent;
import com.upgradecoordination.review.api.UpgradeAssistanceRequestedEvent;
import com.upgradecoordination.review.api.UpgradeRequestDetails;
import com.upgradecoordination.review.api.UpgradeRescheduledEvent;
import com.upgradecoordination.review.domain.upgrade.RequiredInformationCheck;
import com.upgradecoordination.platform.axon.AggregateSnapshots;
import com.upgradecoordination.platform.axon.ForwardHandledEvents;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateMember;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A Support ticket of the Upgrade Assistance workflow (SPEC T1-T10, T13), or one opened for a
 * migration problem routed to Support (C8). The ticket keeps its identity and status; each
 * sub-process is a member that keeps its own state from the ticket's events and applies its own:
 * {@link TicketIntake}, {@link TicketAssignment}, {@link ReviewCall}, {@link UpgradeSchedule}.
 * Commands and deadlines arrive here because the rules read more than one member: a handler checks
 * the input, asks the policies in order ({@link TicketPolicy}, then the sub-process's), hands over
 * to the member and changes the status. Every change of status is its own {@link TicketStatusChangedEvent}.
 */
// Snapshotted (issue 13); the revision names the shape of its fields: bump it when they change.
@Aggregate(snapshotTriggerDefinition = AggregateSnapshots.TRIGGER)
@Revision("2")
public class Ticket {

    static final int MAX_NAME = 200;
    static final int MAX_NOTE = 4000;

    @AggregateIdentifier
    private String ticketId;
    private String caseId;
    private TicketStatus status;
    // the members, read by the policies; each gets only the events it handles (issue 13)
    @AggregateMember(eventForwardingMode = ForwardHandledEvents.class)
    final TicketIntake intake = new TicketIntake();
    @AggregateMember(eventForwardingMode = ForwardHandledEvents.class)
    final TicketAssignment assignment = new TicketAssignment();
    @AggregateMember(eventForwardingMode = ForwardHandledEvents.class)
    final ReviewCall reviewCall = new ReviewCall();
    @AggregateMember(eventForwardingMode = ForwardHandledEvents.class)
    final UpgradeSchedule upgrade = new UpgradeSchedule();

    protected Ticket() {
        // for Axon
    }

    @CommandHandler
    public Ticket(RequestUpgradeAssistanceCommand command, RequiredInformationCheck informationCheck,
                  CsmDirectory csms, Clock clock) {
        // Axon applies a constructor's events once the new ticket exists: name it explicitly here.
        TicketRef ticket = TicketIntake.request(command, csms);
        if (!intake.checkRequiredInformation(ticket, command.details(), informationCheck, clock)) {
            apply(new TicketStatusChangedEvent(ticket.ticketId(), ticket.caseId(), TicketStatus.NEW,
                    TicketStatus.PENDING));
        }
    }

    @CommandHandler
    public Ticket(OpenMigrationProblemTicketCommand command) {
        TicketIntake.openForMigrationProblem(command);
    }

    @CommandHandler
    public void handle(AddCsmAsFollowerCommand command) {
        enforce(TicketPolicy.notClosed);
        require(command.csm(), "csm", MAX_NAME);
        intake.follow(ref(), command.csm().strip(), CsmSource.COORDINATION);
    }

    @CommandHandler
    public void handle(NoteMigrationProblemCommand command) {
        enforce(TicketPolicy.WORKABLE);
        require(command.problemId(), "problemId", TicketIntake.MAX_ID);
        require(command.description(), "description", TicketIntake.MAX_TEXT);
        enforce(TicketPolicy.problemNotYetNoted(command.problemId().strip()));
        intake.noteProblem(ref(), command.problemId().strip(), command.description().strip());
        // a new problem needs the engineer's attention, whatever the ticket was waiting for
        if (status == TicketStatus.PENDING || status == TicketStatus.ON_HOLD) {
            changeStatus(TicketStatus.OPEN);
        }
    }

    @CommandHandler
    public void handle(ProvideCustomerInformationCommand command, RequiredInformationCheck informationCheck,
                       Clock clock) {
        enforce(TicketPolicy.WORKABLE);
        UpgradeDetailsInput.check(command.details());
        Instant proposed = UpgradeDetailsInput.upgradeAt(command.details());
        Rejection.enforce(UpgradeDatePolicy.BY_CUSTOMER_INFORMATION, p -> p.check(this, proposed, clock.instant()));
        intake.provide(ref(), command.details());
        if (!intake.checkRequiredInformation(ref(), command.details(), informationCheck, clock)) {
            changeStatus(TicketStatus.PENDING);
        } else if (status == TicketStatus.PENDING) {
            // the customer's answer needs the engineer; an unassigned ticket stays new until taken
            changeStatus(TicketStatus.OPEN);
        }
    }

    /** The engineer takes the ticket; the assignee is the caller, never someone named by them. */
    @CommandHandler
    public void handle(AssignTicketCommand command) {
        enforce(TicketPolicy.WORKABLE);
        require(command.engineer(), "engineer", MAX_NAME);
        String engineer = command.engineer().strip();
        Rejection.enforce(AssignmentPolicy.TAKING, p -> p.check(this, engineer, command.engineerRole()));
        assignment.take(ref(), engineer);
        if (status == TicketStatus.NEW) {
            changeStatus(TicketStatus.OPEN);
        }
    }

    @CommandHandler
    public void handle(RequestPairingCommand command) {
        enforce(TicketPolicy.WORKABLE);
        require(command.engineer(), "engineer", MAX_NAME);
        enforce(TicketPolicy.assigned, TicketPolicy.informationCompleteTo("pair on it"));
        String engineer = command.engineer().strip();
        Rejection.enforce(AssignmentPolicy.PAIRING, p -> p.check(this, engineer, null));
        assignment.pairWith(ref(), engineer);
    }

    @CommandHandler
    public void handle(ProvidePlanFeedbackCommand command) {
        enforce(TicketPolicy.WORKABLE);
        PlanFeedbackProvidedEvent feedback = SupportAdvice.planFeedback(ref(), command);
        enforce(TicketPolicy.assigned);
        apply(feedback);
    }

    @CommandHandler
    public void handle(RequestReviewCallCommand command, DeadlineManager deadlines, Clock clock) {
        enforce(TicketPolicy.WORKABLE);
        enforce(TicketPolicy.informationCompleteTo("book a review call"));
        Rejection.enforce(ReviewCallPolicy.REQUESTING, p -> p.check(this, clock.instant()));
        reviewCall.request(ref(), upgradeAt(), deadlines, clock);
    }

    @CommandHandler
    public void handle(SendReviewCallLinkCommand command, DeadlineManager deadlines, Clock clock) {
        enforce(TicketPolicy.WORKABLE);
        Rejection.enforce(ReviewCallPolicy.SENDING_THE_LINK, p -> p.check(this, clock.instant()));
        reviewCall.sendLink(ref(), upgradeAt(), deadlines, clock);
    }

    @CommandHandler
    public void handle(RecordReviewCallHeldCommand command, DeadlineManager deadlines, Clock clock) {
        enforce(TicketPolicy.WORKABLE);
        String notes = optional(command.notes(), "notes", MAX_NOTE);
        Rejection.enforce(ReviewCallPolicy.HOLDING, p -> p.check(this, clock.instant()));
        reviewCall.hold(ref(), notes, deadlines);
    }

    @CommandHandler
    public void handle(RecordHandoffSyncCommand command) {
        enforce(TicketPolicy.WORKABLE);
        require(command.engineer(), "engineer", MAX_NAME);
        require(command.notes(), "notes", MAX_NOTE);
        enforce(TicketPolicy.assigned);
        assignment.recordSync(ref(), command.engineer().strip(), command.notes().strip());
    }

    @CommandHandler
    public void handle(HandOffTicketCommand command) {
        enforce(TicketPolicy.WORKABLE);
        require(command.toEngineer(), "toEngineer", MAX_NAME);
        require(command.handedOffBy(), "handedOffBy", MAX_NAME);
        enforce(TicketPolicy.assigned);
        String toEngineer = command.toEngineer().strip();
        Rejection.enforce(HandoffPolicy.ALL,
                p -> p.check(this, toEngineer, command.handedOffBy().strip(), command.handedOffByRole()));
        assignment.handOff(ref(), toEngineer);
    }

    @CommandHandler
    public void handle(ScheduleUpgradeCommand command, DeadlineManager deadlines, Clock clock) {
        enforce(TicketPolicy.WORKABLE);
        enforce(TicketPolicy.informationCompleteTo("schedule the upgrade"), TicketPolicy.assigned,
                TicketPolicy.notOnHold);
        upgrade.schedule(ref(), upgradeAt(), deadlines, clock);
        changeStatus(TicketStatus.ON_HOLD);
    }

    /** SUCCEEDED solves the ticket; FAILED and ROLLED_BACK reopen it. Nothing waits on the upgrade any more. */
    @CommandHandler
    public void handle(ReportUpgradeOutcomeCommand command, DeadlineManager deadlines) {
        enforce(TicketPolicy.WORKABLE);
        if (command.outcome() == null) {
            throw new IllegalArgumentException("outcome: required");
        }
        String notes = optional(command.notes(), "notes", MAX_NOTE);
        enforce(TicketPolicy.outcomeAwaited);
        upgrade.reportOutcome(ref(), command.outcome(), notes, deadlines);
        changeStatus(command.outcome().solves() ? TicketStatus.SOLVED : TicketStatus.OPEN);
        ReviewCall.cancelDeadlines(deadlines);
    }

    @CommandHandler
    public void handle(RecommendPostponementCommand command) {
        enforce(TicketPolicy.WORKABLE);
        PostponementRecommendedEvent recommendation = SupportAdvice.postponement(ref(), command);
        enforce(TicketPolicy.assigned);
        apply(recommendation);
    }

    /**
     * T10: the upgrade moves; the review-call rule of T7 is checked against the new date: a link
     * already sent is flagged when it is now under 2 days before the upgrade, and the call's
     * deadlines move with the upgrade.
     */
    @CommandHandler
    public void handle(RescheduleUpgradeCommand command, DeadlineManager deadlines, Clock clock) {
        enforce(TicketPolicy.WORKABLE);
        Instant newUpgradeAt = UpgradeDetailsInput.newUpgradeAt(command);
        enforce(TicketPolicy.informationCompleteTo("reschedule the upgrade"));
        Rejection.enforce(UpgradeDatePolicy.RESCHEDULING, p -> p.check(this, newUpgradeAt, clock.instant()));
        apply(new UpgradeRescheduledEvent(ticketId, caseId, upgradeAt(), command.upgradeDate(), command.upgradeTime(),
                command.upgradeTimezone().strip(), newUpgradeAt, reviewCall.sentLinkTimingFor(newUpgradeAt),
                reviewCall.linkDueByFor(newUpgradeAt)));
        reviewCall.followUpgrade(ref(), newUpgradeAt, deadlines, clock);
    }

    @CommandHandler
    public void handle(CloseTicketCommand command) {
        enforce(TicketPolicy.notClosed, TicketPolicy.solved);
        apply(new TicketClosedEvent(ticketId, caseId));
        changeStatus(TicketStatus.CLOSED);
    }

    // --- deadlines: they arrive at the ticket, which is their scope, and go to the member they watch ---

    @DeadlineHandler(deadlineName = TicketDeadlines.REVIEW_CALL_LINK)
    void reviewCallLinkDue(TicketDeadlines.ReviewCallLinkDue due) {
        if (isWorkable()) {
            reviewCall.linkDue(ref(), due, upgradeAt());
        }
    }

    @DeadlineHandler(deadlineName = TicketDeadlines.REVIEW_CALL)
    void reviewCallDue(TicketDeadlines.ReviewCallDue due) {
        if (isWorkable()) {
            reviewCall.callDue(ref(), due, upgradeAt());
        }
    }

    @DeadlineHandler(deadlineName = TicketDeadlines.ON_HOLD)
    void onHoldExpired(TicketDeadlines.OnHoldExpiry due) {
        if (status == TicketStatus.ON_HOLD && upgrade.expire(ref(), due)) {
            changeStatus(TicketStatus.OPEN);
        }
    }

    // --- event-sourcing handlers of the ticket's own state; the members keep theirs ---

    @EventSourcingHandler
    void on(UpgradeAssistanceRequestedEvent event) {
        opened(event);
    }

    @EventSourcingHandler
    void on(TicketOpenedForMigrationProblemEvent event) {
        opened(event);
    }

    private void opened(TicketEvent event) {
        ticketId = event.ticketId();
        caseId = event.caseId();
        status = TicketStatus.NEW;
    }

    @EventSourcingHandler
    void on(TicketStatusChangedEvent event) {
        status = event.to();
    }

    // --- what the policies read ---

    TicketRef ref() {
        return new TicketRef(ticketId, caseId);
    }

    TicketStatus status() {
        return status;
    }

    /** Complete information includes the upgrade's date, time and timezone. */
    Instant upgradeAt() {
        return intake.upgradeAt();
    }

    /** The upgrade's moment in its timezone, or null while any of date, time and timezone is missing. */
    public static Instant upgradeInstantOf(UpgradeRequestDetails details) {
        return UpgradeDetailsInput.upgradeAt(details);
    }

    private void enforce(TicketPolicy... policies) {
        enforce(List.of(policies));
    }

    private void enforce(List<TicketPolicy> policies) {
        Rejection.enforce(policies, policy -> policy.check(this));
    }

    private boolean isWorkable() {
        return TicketPolicy.WORKABLE.stream().allMatch(policy -> policy.check(this).isEmpty());
    }

    private void changeStatus(TicketStatus to) {
        if (status != to) {
            apply(new TicketStatusChangedEvent(ticketId, caseId, status, to));
        }
    }
}
