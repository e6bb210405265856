package com.upgradecoordination.review.domain;

import static com.upgradecoordination.platform.domain.CommandInput.limit;
import static com.upgradecoordination.platform.domain.CommandInput.optional;
import static com.upgradecoordination.platform.domain.CommandInput.require;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.upgradecoordination.platform.domain.RecordedRuleViolationException;
import com.upgradecoordination.platform.domain.RuleViolationException;
import com.upgradecoordination.platform.security.Roles;
import com.upgradecoordination.review.api.AssignTicketCommand;
import com.upgradecoordination.review.api.CloseTicketCommand;
import com.upgradecoordination.review.api.AddCsmAsFollowerCommand;
import com.upgradecoordination.review.api.CsmAddedAsFollowerEvent;
import com.upgradecoordination.review.api.CsmSource;
import com.upgradecoordination.review.api.CustomerInformationProvidedEvent;
import com.upgradecoordination.review.api.HandOffTicketCommand;
import com.upgradecoordination.review.api.HandoffSyncRecordedEvent;
import com.upgradecoordination.review.api.InformationDeficiency;
import com.upgradecoordination.review.api.MigrationProblemNotedEvent;
import com.upgradecoordination.review.api.MissingInformationRequestedEvent;
import com.upgradecoordination.review.api.NoteMigrationProblemCommand;
import com.upgradecoordination.review.api.OnHoldExpiredEvent;
import com.upgradecoordination.review.api.OpenMigrationProblemTicketCommand;
import com.upgradecoordination.review.api.PairingRequestedEvent;
import com.upgradecoordination.review.api.PlanFeedbackProvidedEvent;
import com.upgradecoordination.review.api.PostponementReason;
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
import com.upgradecoordination.review.api.RequiredInformationCompleteEvent;
import com.upgradecoordination.review.api.RescheduleUpgradeCommand;
import com.upgradecoordination.review.api.ReviewCallHeldEvent;
import com.upgradecoordination.review.api.ReviewCallLinkOverdueEvent;
import com.upgradecoordination.review.api.ReviewCallLinkRefusedEvent;
import com.upgradecoordination.review.api.ReviewCallLinkSentEvent;
import com.upgradecoordination.review.api.ReviewCallLinkTiming;
import com.upgradecoordination.review.api.ReviewCallMissedEvent;
import com.upgradecoordination.review.api.ReviewCallRequestedEvent;
import com.upgradecoordination.review.api.ScheduleUpgradeCommand;
import com.upgradecoordination.review.api.SendReviewCallLinkCommand;
import com.upgradecoordination.review.api.TicketAssignedEvent;
import com.upgradecoordination.review.api.TicketClosedEvent;
import com.upgradecoordination.review.api.TicketForm;
import com.upgradecoordination.review.api.TicketHandedOffEvent;
import com.upgradecoordination.review.api.TicketOpenedForMigrationProblemEvent;
import com.upgradecoordination.review.api.TicketPriority;
import com.upgradecoordination.review.api.TicketStatus;
import com.upgradecoordination.review.api.TicketStatusChangedEvent;
import com.upgradecoordination.review.api.UpgradeAssistanceRequestedEvent;
import com.upgradecoordination.review.api.UpgradeOutcomeReportedEvent;
import com.upgradecoordination.review.api.UpgradeRequestDetails;
import com.upgradecoordination.review.api.UpgradeRescheduledEvent;
import com.upgradecoordination.review.api.UpgradeScheduledEvent;
import com.upgradecoordination.review.domain.upgrade.RequiredInformationCheck;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;
import com.upgradecoordination.platform.axon.AggregateSnapshots;

/**
 * A Support ticket of the Upgrade Assistance workflow (SPEC T1-T10, T13), or one opened for a
 * migration problem routed to Support (C8). Command handlers validate, apply, and set or cancel
 * the ticket's deadlines ({@link TicketDeadlines}); event-sourcing handlers only assign state.
 * Every change of status is its own {@link TicketStatusChangedEvent}.
 *
 * <p>Order rules: the work on the upgrade (pairing, the review call, scheduling, rescheduling)
 * needs the required information complete; pairing, plan feedback, handoff and scheduling need an
 * assignee; a solved ticket only closes; a closed ticket refuses everything.
 */
// Snapshotted (issue 13); the revision names the shape of its fields: bump it when they change.
@Aggregate(snapshotTriggerDefinition = AggregateSnapshots.TRIGGER)
@Revision("1")
public class Ticket {

    /** The roles that take, work on and hand off tickets. */
    public static final Set<String> SUPPORT_ROLES = Set.of(Roles.SUPPORT_ENGINEER, Roles.SENIOR_SUPPORT_ENGINEER,
            Roles.SUPPORT_MANAGER);

    /** The booking link goes out at least this long before the upgrade; later is refused. */
    static final Duration REVIEW_CALL_LINK_MINIMUM = Duration.ofDays(2);
    /** ... and preferably this long; between the two it is accepted with a warning. */
    static final Duration REVIEW_CALL_LINK_PREFERRED = Duration.ofDays(3);
    /** An on-hold ticket without outcome comes back to open after this long. */
    static final Duration ON_HOLD_LIMIT = Duration.ofDays(4);

    static final int MAX_ID = 100;
    static final int MAX_NAME = 200;
    static final int MAX_VERSION = 50;
    static final int MAX_PATH = 50;
    static final int MAX_TEXT = 20_000;
    static final int MAX_NOTE = 4000;
    static final int MAX_EMAIL = 320;

    @AggregateIdentifier
    private String ticketId;
    private String caseId;
    private TicketForm form;
    private TicketStatus status;
    private UpgradeRequestDetails details;
    private boolean informationComplete;
    private String assignee;
    private String pairingEngineer;
    private String followingCsm;
    private final Set<String> notedProblems = new HashSet<>();
    /** Engineers the current assignee synced with since the last handoff, with the notes of the latest sync. */
    private final Map<String, String> syncsWith = new HashMap<>();
    private boolean reviewCallRequested;
    private Instant reviewCallLinkSentAt;
    private boolean reviewCallHeld;
    private boolean reviewCallMissed;
    private boolean upgradeScheduled;
    private Instant onHoldUntil;

    protected Ticket() {
        // for Axon
    }

    @CommandHandler
    public Ticket(RequestUpgradeAssistanceCommand command, RequiredInformationCheck informationCheck, Clock clock) {
        require(command.ticketId(), "ticketId", MAX_ID);
        if (command.form() == null || !command.form().isRequestForm()) {
            throw new IllegalArgumentException("form: STANDARD or US_GOVERNMENT");
        }
        require(command.organisation(), "organisation", MAX_NAME);
        String engagementId = optional(command.engagementId(), "engagementId", MAX_ID);
        String csm = optional(command.csm(), "csm", MAX_NAME);
        if (csm != null && command.csmSource() == null) {
            throw new IllegalArgumentException("csmSource: required with a CSM");
        }
        if (command.details() == null) {
            throw new IllegalArgumentException("details: required");
        }
        validate(command.details());
        // Axon applies a constructor's events once the new ticket exists: name it explicitly here.
        String id = command.ticketId();
        String caseOfTicket = engagementId != null ? engagementId : id;
        apply(new UpgradeAssistanceRequestedEvent(id, caseOfTicket, command.form(), TicketPriority.HIGH,
                command.organisation().strip(), engagementId, command.details()));
        if (csm != null) {
            apply(new CsmAddedAsFollowerEvent(id, caseOfTicket, csm, command.csmSource()));
        }
        List<InformationDeficiency> deficiencies = informationCheck.check(command.details(), LocalDate.now(clock));
        if (deficiencies.isEmpty()) {
            apply(new RequiredInformationCompleteEvent(id, caseOfTicket));
        } else {
            apply(new MissingInformationRequestedEvent(id, caseOfTicket, List.copyOf(deficiencies)));
            apply(new TicketStatusChangedEvent(id, caseOfTicket, TicketStatus.NEW, TicketStatus.PENDING));
        }
    }

    @CommandHandler
    public Ticket(OpenMigrationProblemTicketCommand command) {
        require(command.ticketId(), "ticketId", MAX_ID);
        require(command.engagementId(), "engagementId", MAX_ID);
        String organisation = optional(command.organisation(), "organisation", MAX_NAME);
        String csm = optional(command.csm(), "csm", MAX_NAME);
        require(command.problemId(), "problemId", MAX_ID);
        require(command.description(), "description", MAX_TEXT);
        String engagementId = command.engagementId().strip();
        apply(new TicketOpenedForMigrationProblemEvent(command.ticketId(), engagementId, engagementId, organisation,
                TicketPriority.HIGH, command.problemId().strip(), command.description().strip()));
        if (csm != null) {
            apply(new CsmAddedAsFollowerEvent(command.ticketId(), engagementId, csm, CsmSource.COORDINATION));
        }
    }

    /** T3: the CSM follows once; a CSM who already follows is not added again. */
    @CommandHandler
    public void handle(AddCsmAsFollowerCommand command) {
        requireNotClosed();
        require(command.csm(), "csm", MAX_NAME);
        if (followingCsm != null) {
            return;
        }
        apply(new CsmAddedAsFollowerEvent(ticketId, caseId, command.csm().strip(), CsmSource.COORDINATION));
    }

    /** Another problem of the engagement joins its open ticket; the same problem twice is noted once. */
    @CommandHandler
    public void handle(NoteMigrationProblemCommand command) {
        requireWorkable();
        require(command.problemId(), "problemId", MAX_ID);
        require(command.description(), "description", MAX_TEXT);
        if (notedProblems.contains(command.problemId().strip())) {
            throw new RuleViolationException("migration-problem-already-noted",
                    "Migration problem " + command.problemId().strip() + " is already on ticket " + ticketId);
        }
        apply(new MigrationProblemNotedEvent(ticketId, caseId, command.problemId().strip(),
                command.description().strip()));
        // a new problem needs the engineer's attention, whatever the ticket was waiting for
        if (status == TicketStatus.PENDING || status == TicketStatus.ON_HOLD) {
            changeStatus(TicketStatus.OPEN);
        }
    }

    @CommandHandler
    public void handle(ProvideCustomerInformationCommand command, RequiredInformationCheck informationCheck,
                       Clock clock) {
        requireWorkable();
        if (command.details() == null) {
            throw new IllegalArgumentException("details: required");
        }
        validate(command.details());
        Instant newUpgradeAt = upgradeInstantOf(command.details());
        if ((upgradeScheduled || reviewCallRequested) && !Objects.equals(newUpgradeAt, upgradeAt())) {
            throw new RuleViolationException("reschedule-to-change-upgrade-date",
                    "The upgrade is already " + (upgradeScheduled ? "scheduled" : "booked for a review call")
                            + " at " + upgradeAt() + "; move it by rescheduling, so the review-call rule is "
                            + "checked again");
        }
        apply(new CustomerInformationProvidedEvent(ticketId, caseId, command.details()));
        checkRequiredInformation(command.details(), informationCheck, clock);
    }

    /** The engineer takes the ticket; the assignee is the caller, never someone named by them. */
    @CommandHandler
    public void handle(AssignTicketCommand command) {
        requireWorkable();
        require(command.engineer(), "engineer", MAX_NAME);
        if (command.engineerRole() == null || !SUPPORT_ROLES.contains(command.engineerRole())) {
            throw new RuleViolationException("support-engineer-required",
                    "Only a Support engineer takes a ticket; " + command.engineer().strip() + " acts as "
                            + command.engineerRole());
        }
        if (assignee != null) {
            throw new RuleViolationException("ticket-already-assigned",
                    "Ticket " + ticketId + " is assigned to " + assignee + "; it changes hands by a handoff");
        }
        apply(new TicketAssignedEvent(ticketId, caseId, command.engineer().strip()));
        if (status == TicketStatus.NEW) {
            changeStatus(TicketStatus.OPEN);
        }
    }

    @CommandHandler
    public void handle(RequestPairingCommand command) {
        requireWorkable();
        require(command.engineer(), "engineer", MAX_NAME);
        requireAssigned();
        requireInformationComplete("pair on it");
        String engineer = command.engineer().strip();
        if (engineer.equals(assignee)) {
            throw new RuleViolationException("pairing-with-assignee",
                    engineer + " is the assignee; pair with another engineer who has an upgrade focus");
        }
        if (engineer.equals(pairingEngineer)) {
            throw new RuleViolationException("pairing-already-requested",
                    "Pairing with " + engineer + " is already requested");
        }
        apply(new PairingRequestedEvent(ticketId, caseId, engineer));
    }

    @CommandHandler
    public void handle(ProvidePlanFeedbackCommand command) {
        requireWorkable();
        String upgradePlan = optional(command.upgradePlanFeedback(), "upgradePlanFeedback", MAX_TEXT);
        String rollbackPlan = optional(command.rollbackPlanFeedback(), "rollbackPlanFeedback", MAX_TEXT);
        if (upgradePlan == null && rollbackPlan == null) {
            throw new IllegalArgumentException(
                    "upgradePlanFeedback, rollbackPlanFeedback: give feedback on at least one of the plans");
        }
        requireAssigned();
        apply(new PlanFeedbackProvidedEvent(ticketId, caseId, upgradePlan, rollbackPlan));
    }

    @CommandHandler
    public void handle(RequestReviewCallCommand command, DeadlineManager deadlines, Clock clock) {
        requireWorkable();
        requireInformationComplete("book a review call");
        if (reviewCallRequested) {
            throw new RuleViolationException("review-call-already-requested",
                    "A review call is already requested on ticket " + ticketId);
        }
        Instant upgradeAt = upgradeAt();
        if (!upgradeAt.isAfter(clock.instant())) {
            throw new RuleViolationException("upgrade-time-passed",
                    "The upgrade was due at " + upgradeAt + "; a review call comes before the upgrade");
        }
        Instant linkDueBy = upgradeAt.minus(REVIEW_CALL_LINK_MINIMUM);
        apply(new ReviewCallRequestedEvent(ticketId, caseId, upgradeAt, linkDueBy));
        scheduleReviewCallDeadlines(deadlines, clock, upgradeAt, true);
    }

    /**
     * T7: the link goes out 2 days or more before the upgrade; 2 to 3 days is accepted with a
     * warning. Later is refused, and the refusal is recorded.
     */
    @CommandHandler
    public void handle(SendReviewCallLinkCommand command, DeadlineManager deadlines, Clock clock) {
        requireWorkable();
        if (!reviewCallRequested) {
            throw new RuleViolationException("review-call-not-requested",
                    "The customer has not asked for a review call on ticket " + ticketId);
        }
        if (reviewCallLinkSentAt != null) {
            throw new RuleViolationException("review-call-link-already-sent",
                    "The booking link went out at " + reviewCallLinkSentAt);
        }
        Instant now = clock.instant();
        Instant upgradeAt = upgradeAt();
        Duration lead = Duration.between(now, upgradeAt);
        ReviewCallLinkTiming timing = timingOf(lead);
        if (timing == ReviewCallLinkTiming.TOO_LATE) {
            String reason = "The booking link must go out at least 2 days before the upgrade at " + upgradeAt
                    + "; it is " + describe(lead) + " away. Recommend postponing the upgrade instead.";
            apply(new ReviewCallLinkRefusedEvent(ticketId, caseId, upgradeAt, now, lead.toMinutes(), reason));
            throw new RecordedRuleViolationException("review-call-link-too-late", reason);
        }
        String warning = timing == ReviewCallLinkTiming.LATE_WITH_WARNING
                ? "Sent " + describe(lead) + " before the upgrade; Support prefers 3 days" : null;
        apply(new ReviewCallLinkSentEvent(ticketId, caseId, upgradeAt, now, lead.toMinutes(), timing, warning));
        deadlines.cancelAllWithinScope(TicketDeadlines.REVIEW_CALL_LINK);
    }

    @CommandHandler
    public void handle(RecordReviewCallHeldCommand command, DeadlineManager deadlines) {
        requireWorkable();
        String notes = optional(command.notes(), "notes", MAX_NOTE);
        if (reviewCallLinkSentAt == null) {
            throw new RuleViolationException("review-call-link-not-sent",
                    "No booking link went out for a review call on ticket " + ticketId);
        }
        if (reviewCallHeld) {
            throw new RuleViolationException("review-call-already-held", "The review call was already held");
        }
        if (reviewCallMissed) {
            throw new RuleViolationException("review-call-missed",
                    "The upgrade time came before the review call; reschedule the upgrade first");
        }
        apply(new ReviewCallHeldEvent(ticketId, caseId, notes));
        deadlines.cancelAllWithinScope(TicketDeadlines.REVIEW_CALL);
    }

    @CommandHandler
    public void handle(RecordHandoffSyncCommand command) {
        requireWorkable();
        require(command.engineer(), "engineer", MAX_NAME);
        require(command.notes(), "notes", MAX_NOTE);
        requireAssigned();
        String engineer = command.engineer().strip();
        if (engineer.equals(assignee)) {
            throw new IllegalArgumentException("engineer: the engineer who takes over, not the assignee");
        }
        apply(new HandoffSyncRecordedEvent(ticketId, caseId, engineer, command.notes().strip()));
    }

    /** T8: a handoff needs a recorded sync with the engineer who takes over. */
    @CommandHandler
    public void handle(HandOffTicketCommand command) {
        requireWorkable();
        require(command.toEngineer(), "toEngineer", MAX_NAME);
        require(command.handedOffBy(), "handedOffBy", MAX_NAME);
        requireAssigned();
        String toEngineer = command.toEngineer().strip();
        if (!assignee.equals(command.handedOffBy().strip()) && !Roles.SUPPORT_MANAGER.equals(command.handedOffByRole())) {
            throw new RuleViolationException("handoff-by-assignee",
                    "Only the assignee " + assignee + " or a Support Manager hands the ticket off");
        }
        if (toEngineer.equals(assignee)) {
            throw new RuleViolationException("handoff-to-assignee", toEngineer + " already has the ticket");
        }
        if (!syncsWith.containsKey(toEngineer)) {
            throw new RuleViolationException("handoff-needs-sync",
                    "Record the sync with " + toEngineer + " before handing the ticket off");
        }
        apply(new TicketHandedOffEvent(ticketId, caseId, assignee, toEngineer, syncsWith.get(toEngineer)));
    }

    @CommandHandler
    public void handle(ScheduleUpgradeCommand command, DeadlineManager deadlines, Clock clock) {
        requireWorkable();
        requireInformationComplete("schedule the upgrade");
        requireAssigned();
        if (status == TicketStatus.ON_HOLD) {
            throw new RuleViolationException("upgrade-already-scheduled",
                    "The upgrade is already scheduled and the ticket on hold until " + onHoldUntil);
        }
        Instant until = clock.instant().plus(ON_HOLD_LIMIT);
        apply(new UpgradeScheduledEvent(ticketId, caseId, upgradeAt(), until));
        changeStatus(TicketStatus.ON_HOLD);
        deadlines.cancelAllWithinScope(TicketDeadlines.ON_HOLD);
        deadlines.schedule(until, TicketDeadlines.ON_HOLD, new TicketDeadlines.OnHoldExpiry(ticketId, until));
    }

    /** SUCCEEDED solves the ticket; FAILED and ROLLED_BACK reopen it. Nothing waits on the upgrade any more. */
    @CommandHandler
    public void handle(ReportUpgradeOutcomeCommand command, DeadlineManager deadlines) {
        requireWorkable();
        if (command.outcome() == null) {
            throw new IllegalArgumentException("outcome: required");
        }
        String notes = optional(command.notes(), "notes", MAX_NOTE);
        // a migration problem's ticket follows a migration already under way
        if (!upgradeScheduled && form != TicketForm.MIGRATION_PROBLEM) {
            throw new RuleViolationException("upgrade-not-scheduled",
                    "The upgrade of ticket " + ticketId + " is not scheduled; there is no outcome to report");
        }
        apply(new UpgradeOutcomeReportedEvent(ticketId, caseId, command.outcome(), notes));
        changeStatus(command.outcome().solves() ? TicketStatus.SOLVED : TicketStatus.OPEN);
        deadlines.cancelAllWithinScope(TicketDeadlines.ON_HOLD);
        deadlines.cancelAllWithinScope(TicketDeadlines.REVIEW_CALL_LINK);
        deadlines.cancelAllWithinScope(TicketDeadlines.REVIEW_CALL);
    }

    @CommandHandler
    public void handle(RecommendPostponementCommand command) {
        requireWorkable();
        if (command.reasons() == null || command.reasons().isEmpty()) {
            throw new IllegalArgumentException("reasons: name at least one reason");
        }
        if (command.reasons().stream().anyMatch(Objects::isNull)) {
            throw new IllegalArgumentException("reasons: must not contain empty entries");
        }
        String explanation = optional(command.explanation(), "explanation", MAX_NOTE);
        if (command.reasons().contains(PostponementReason.OTHER) && explanation == null) {
            throw new IllegalArgumentException("explanation: required when a reason is OTHER");
        }
        requireAssigned();
        apply(new PostponementRecommendedEvent(ticketId, caseId,
                List.copyOf(new LinkedHashSet<>(command.reasons())), explanation));
    }

    /**
     * T10: the upgrade moves; the review-call rule of T7 is checked against the new date: a link
     * already sent is flagged when it is now under 2 days before the upgrade, and the call's
     * deadlines move with the upgrade.
     */
    @CommandHandler
    public void handle(RescheduleUpgradeCommand command, DeadlineManager deadlines, Clock clock) {
        requireWorkable();
        if (command.upgradeDate() == null || command.upgradeTime() == null) {
            throw new IllegalArgumentException("upgradeDate, upgradeTime: required");
        }
        require(command.upgradeTimezone(), "upgradeTimezone", MAX_NAME);
        Instant newUpgradeAt = instantOf(command.upgradeDate(), command.upgradeTime(), zoneOf(command.upgradeTimezone()));
        requireInformationComplete("reschedule the upgrade");
        Instant previous = upgradeAt();
        if (newUpgradeAt.equals(previous)) {
            throw new RuleViolationException("upgrade-date-unchanged", "The upgrade is already at " + previous);
        }
        if (!newUpgradeAt.isAfter(clock.instant())) {
            throw new RuleViolationException("upgrade-date-in-past",
                    "The new upgrade time " + newUpgradeAt + " has passed; give a time ahead");
        }
        ReviewCallLinkTiming sentLinkTiming = reviewCallLinkSentAt == null ? null
                : timingOf(Duration.between(reviewCallLinkSentAt, newUpgradeAt));
        boolean linkAwaited = reviewCallRequested && reviewCallLinkSentAt == null;
        Instant linkDueBy = linkAwaited ? newUpgradeAt.minus(REVIEW_CALL_LINK_MINIMUM) : null;
        apply(new UpgradeRescheduledEvent(ticketId, caseId, previous, command.upgradeDate(), command.upgradeTime(),
                command.upgradeTimezone().strip(), newUpgradeAt, sentLinkTiming, linkDueBy));
        if (reviewCallRequested && !reviewCallHeld) {
            scheduleReviewCallDeadlines(deadlines, clock, newUpgradeAt, linkAwaited);
        }
    }

    @CommandHandler
    public void handle(CloseTicketCommand command) {
        requireNotClosed();
        if (status != TicketStatus.SOLVED) {
            throw new RuleViolationException("ticket-not-solved",
                    "Ticket " + ticketId + " is " + status.label() + "; only a solved ticket closes");
        }
        apply(new TicketClosedEvent(ticketId, caseId));
        changeStatus(TicketStatus.CLOSED);
    }

    @DeadlineHandler(deadlineName = TicketDeadlines.REVIEW_CALL_LINK)
    void reviewCallLinkDue(TicketDeadlines.ReviewCallLinkDue due) {
        if (isWorkable() && reviewCallRequested && reviewCallLinkSentAt == null
                && due.upgradeAt().equals(upgradeAt())) {
            apply(new ReviewCallLinkOverdueEvent(ticketId, caseId, due.upgradeAt(),
                    due.upgradeAt().minus(REVIEW_CALL_LINK_MINIMUM)));
        }
    }

    @DeadlineHandler(deadlineName = TicketDeadlines.REVIEW_CALL)
    void reviewCallDue(TicketDeadlines.ReviewCallDue due) {
        if (isWorkable() && reviewCallRequested && !reviewCallHeld && !reviewCallMissed
                && due.upgradeAt().equals(upgradeAt())) {
            apply(new ReviewCallMissedEvent(ticketId, caseId, due.upgradeAt()));
        }
    }

    @DeadlineHandler(deadlineName = TicketDeadlines.ON_HOLD)
    void onHoldExpired(TicketDeadlines.OnHoldExpiry due) {
        if (status == TicketStatus.ON_HOLD && due.onHoldUntil().equals(onHoldUntil)) {
            apply(new OnHoldExpiredEvent(ticketId, caseId, onHoldUntil));
            changeStatus(TicketStatus.OPEN);
        }
    }

    // --- event-sourcing handlers: state only ---

    @EventSourcingHandler
    void on(UpgradeAssistanceRequestedEvent event) {
        ticketId = event.ticketId();
        caseId = event.caseId();
        form = event.form();
        status = TicketStatus.NEW;
        details = event.details();
    }

    @EventSourcingHandler
    void on(TicketOpenedForMigrationProblemEvent event) {
        ticketId = event.ticketId();
        caseId = event.caseId();
        form = TicketForm.MIGRATION_PROBLEM;
        status = TicketStatus.NEW;
        notedProblems.add(event.problemId());
    }

    @EventSourcingHandler
    void on(CsmAddedAsFollowerEvent event) {
        followingCsm = event.csm();
    }

    @EventSourcingHandler
    void on(MigrationProblemNotedEvent event) {
        notedProblems.add(event.problemId());
    }

    @EventSourcingHandler
    void on(CustomerInformationProvidedEvent event) {
        details = event.details();
    }

    @EventSourcingHandler
    void on(MissingInformationRequestedEvent event) {
        informationComplete = false;
    }

    @EventSourcingHandler
    void on(RequiredInformationCompleteEvent event) {
        informationComplete = true;
    }

    @EventSourcingHandler
    void on(TicketAssignedEvent event) {
        assignee = event.assignee();
    }

    @EventSourcingHandler
    void on(PairingRequestedEvent event) {
        pairingEngineer = event.engineer();
    }

    @EventSourcingHandler
    void on(ReviewCallRequestedEvent event) {
        reviewCallRequested = true;
    }

    @EventSourcingHandler
    void on(ReviewCallLinkSentEvent event) {
        reviewCallLinkSentAt = event.sentAt();
    }

    @EventSourcingHandler
    void on(ReviewCallHeldEvent event) {
        reviewCallHeld = true;
    }

    @EventSourcingHandler
    void on(ReviewCallMissedEvent event) {
        reviewCallMissed = true;
    }

    @EventSourcingHandler
    void on(HandoffSyncRecordedEvent event) {
        syncsWith.put(event.engineer(), event.notes());
    }

    @EventSourcingHandler
    void on(TicketHandedOffEvent event) {
        assignee = event.toEngineer();
        syncsWith.clear();
    }

    @EventSourcingHandler
    void on(UpgradeScheduledEvent event) {
        upgradeScheduled = true;
        onHoldUntil = event.onHoldUntil();
    }

    @EventSourcingHandler
    void on(UpgradeOutcomeReportedEvent event) {
        upgradeScheduled = false;
        onHoldUntil = null;
    }

    @EventSourcingHandler
    void on(UpgradeRescheduledEvent event) {
        details = new UpgradeRequestDetails(details.currentVersion(), details.targetVersion(), details.upgradePath(),
                details.instanceConditions(), details.upgradePlan(), details.rollbackPlan(), details.architecture(),
                details.contactEmail(), event.upgradeDate(), event.upgradeTime(), event.upgradeTimezone(),
                details.stagingNotes());
        // a missed call belonged to the old date; the new date gives the call another chance
        reviewCallMissed = false;
    }

    @EventSourcingHandler
    void on(TicketStatusChangedEvent event) {
        status = event.to();
    }

    // --- rules shared by the handlers ---

    private void checkRequiredInformation(UpgradeRequestDetails given, RequiredInformationCheck informationCheck,
                                          Clock clock) {
        List<InformationDeficiency> deficiencies = informationCheck.check(given, LocalDate.now(clock));
        if (!deficiencies.isEmpty()) {
            apply(new MissingInformationRequestedEvent(ticketId, caseId, List.copyOf(deficiencies)));
            changeStatus(TicketStatus.PENDING);
        } else {
            apply(new RequiredInformationCompleteEvent(ticketId, caseId));
            // the customer's answer needs the engineer; an unassigned ticket stays new until taken
            if (status == TicketStatus.PENDING) {
                changeStatus(TicketStatus.OPEN);
            }
        }
    }

    /** The link deadline when a link is awaited (at once if its time has passed) and the call deadline. */
    private void scheduleReviewCallDeadlines(DeadlineManager deadlines, Clock clock, Instant upgradeAt,
                                             boolean linkAwaited) {
        deadlines.cancelAllWithinScope(TicketDeadlines.REVIEW_CALL_LINK);
        deadlines.cancelAllWithinScope(TicketDeadlines.REVIEW_CALL);
        if (linkAwaited) {
            Instant linkDueBy = upgradeAt.minus(REVIEW_CALL_LINK_MINIMUM);
            Instant now = clock.instant();
            deadlines.schedule(linkDueBy.isAfter(now) ? linkDueBy : now, TicketDeadlines.REVIEW_CALL_LINK,
                    new TicketDeadlines.ReviewCallLinkDue(ticketId, upgradeAt));
        }
        deadlines.schedule(upgradeAt, TicketDeadlines.REVIEW_CALL, new TicketDeadlines.ReviewCallDue(ticketId, upgradeAt));
    }

    private void changeStatus(TicketStatus to) {
        if (status != to) {
            apply(new TicketStatusChangedEvent(ticketId, caseId, status, to));
        }
    }

    static ReviewCallLinkTiming timingOf(Duration lead) {
        if (lead.compareTo(REVIEW_CALL_LINK_MINIMUM) < 0) {
            return ReviewCallLinkTiming.TOO_LATE;
        }
        return lead.compareTo(REVIEW_CALL_LINK_PREFERRED) < 0 ? ReviewCallLinkTiming.LATE_WITH_WARNING
                : ReviewCallLinkTiming.IN_TIME;
    }

    private static String describe(Duration lead) {
        if (lead.isNegative()) {
            return "already past";
        }
        return lead.toDays() + " days " + lead.toHoursPart() + " hours " + lead.toMinutesPart() + " minutes";
    }

    private boolean isWorkable() {
        return status != TicketStatus.SOLVED && status != TicketStatus.CLOSED;
    }

    private void requireNotClosed() {
        if (status == TicketStatus.CLOSED) {
            throw new RuleViolationException("ticket-closed", "Ticket " + ticketId + " is closed; closed is final");
        }
    }

    /** Neither solved nor closed. */
    private void requireWorkable() {
        requireNotClosed();
        if (status == TicketStatus.SOLVED) {
            throw new RuleViolationException("ticket-solved",
                    "Ticket " + ticketId + " is solved; a new problem needs a new request");
        }
    }

    private void requireAssigned() {
        if (assignee == null) {
            throw new RuleViolationException("ticket-not-assigned",
                    "Ticket " + ticketId + " has no assignee yet; an engineer takes it first");
        }
    }

    private void requireInformationComplete(String toDo) {
        if (!informationComplete) {
            throw new RuleViolationException("required-information-incomplete",
                    "The required information of ticket " + ticketId + " is not complete yet; it is needed to "
                            + toDo);
        }
    }

    /** Complete information includes the upgrade's date, time and timezone. */
    private Instant upgradeAt() {
        return upgradeInstantOf(details);
    }

    /** The upgrade's moment in its timezone, or null while any of date, time and timezone is missing. */
    public static Instant upgradeInstantOf(UpgradeRequestDetails details) {
        if (details == null || details.upgradeDate() == null || details.upgradeTime() == null
                || details.upgradeTimezone() == null || details.upgradeTimezone().isBlank()) {
            return null;
        }
        return instantOf(details.upgradeDate(), details.upgradeTime(), zoneOf(details.upgradeTimezone()));
    }

    private static Instant instantOf(LocalDate date, LocalTime time, ZoneId zone) {
        return ZonedDateTime.of(date, time, zone).toInstant();
    }

    private static ZoneId zoneOf(String timezone) {
        try {
            return ZoneId.of(timezone.strip());
        } catch (DateTimeException unknown) {
            throw new IllegalArgumentException("upgradeTimezone: not a known timezone, e.g. Europe/Berlin");
        }
    }

    /** Form only: what is missing is the required-information check's business, not a refusal. */
    private static void validate(UpgradeRequestDetails details) {
        limit(details.currentVersion(), "details.currentVersion", MAX_VERSION);
        limit(details.targetVersion(), "details.targetVersion", MAX_VERSION);
        if (details.upgradePath() != null) {
            if (details.upgradePath().size() > MAX_PATH) {
                throw new IllegalArgumentException("details.upgradePath: at most " + MAX_PATH + " versions");
            }
            for (String version : details.upgradePath()) {
                if (version == null || version.isBlank()) {
                    throw new IllegalArgumentException("details.upgradePath: must not contain empty entries");
                }
                limit(version, "details.upgradePath", MAX_VERSION);
            }
        }
        if (details.instanceConditions() != null) {
            for (Map.Entry<?, Boolean> answer : details.instanceConditions().entrySet()) {
                if (answer.getKey() == null || answer.getValue() == null) {
                    throw new IllegalArgumentException("details.instanceConditions: answer each condition true or false");
                }
            }
        }
        limit(details.upgradePlan(), "details.upgradePlan", MAX_TEXT);
        limit(details.rollbackPlan(), "details.rollbackPlan", MAX_TEXT);
        limit(details.architecture(), "details.architecture", MAX_TEXT);
        limit(details.contactEmail(), "details.contactEmail", MAX_EMAIL);
        limit(details.stagingNotes(), "details.stagingNotes", MAX_TEXT);
        if (details.upgradeTimezone() != null && !details.upgradeTimezone().isBlank()) {
            limit(details.upgradeTimezone(), "details.upgradeTimezone", MAX_NAME);
            zoneOf(details.upgradeTimezone());
        }
    }
}
