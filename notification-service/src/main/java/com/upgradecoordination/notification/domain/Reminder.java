package com.upgradecoordination.notification.domain;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.upgradecoordination.notification.api.CancelReminderCommand;
import com.upgradecoordination.notification.api.ReminderCancelledEvent;
import com.upgradecoordination.notification.api.ReminderFiredEvent;
import com.upgradecoordination.notification.api.ReminderKind;
import com.upgradecoordination.notification.api.ReminderRescheduledEvent;
import com.upgradecoordination.notification.api.ReminderScheduledEvent;
import com.upgradecoordination.notification.api.RescheduleReminderCommand;
import com.upgradecoordination.notification.api.ScheduleReminderCommand;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One reminder (SPEC N3): of one kind, about one ticket or support review. It keeps its own
 * deadline in the durable {@link DeadlineManager} (a row of the service's database, so it survives
 * restarts), moves or cancels it as the case goes on, and when it comes due with the reminder still
 * pending applies {@link ReminderFiredEvent}, which the rule table turns into notifications.
 *
 * <p>A reminder can be armed again after it fired or was cancelled (an upgrade scheduled anew after
 * a failed one); each firing is its own event, so each is told once per (recipient, channel).
 *
 * <p>Every command is {@link AggregateCreationPolicy#CREATE_IF_MISSING}: cancelling or moving a
 * reminder that was never scheduled succeeds and stores nothing, so consumers need not know.
 */
@Aggregate
public class Reminder {

    /** The deadline's name; its payload names the moment it was set for, so a stale one is recognised. */
    public static final String DEADLINE = "reminder-due";

    /** @param dueAt the due time this deadline was scheduled for */
    public record Due(String reminderId, Instant dueAt) {
    }

    enum Status { PENDING, CANCELLED, FIRED }

    @AggregateIdentifier
    private String reminderId;
    private ReminderKind kind;
    private String caseId;
    private String subjectId;
    private Integer planVersion;
    private Instant since;
    private Instant dueAt;
    private Status status;

    protected Reminder() {
        // for Axon, and the instance CREATE_IF_MISSING starts from
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(ScheduleReminderCommand command, ReminderPolicy policy, DeadlineManager deadlines,
                       Clock clock) {
        if (command.kind() == null) {
            throw new IllegalArgumentException("kind: required");
        }
        require(command.caseId(), "caseId");
        require(command.subjectId(), "subjectId");
        if (command.since() == null) {
            throw new IllegalArgumentException("since: required");
        }
        String expectedId = ScheduleReminderCommand.idFor(command.kind(), command.subjectId());
        if (!expectedId.equals(command.reminderId())) {
            throw new IllegalArgumentException("reminderId: must be " + expectedId + ", the id of (kind, subjectId)");
        }
        Instant due = policy.dueAt(command.kind(), command.since());
        if (status == Status.PENDING && due.equals(dueAt) && Objects.equals(planVersion, command.planVersion())) {
            return; // already set for that time
        }
        schedule(deadlines, clock, command.reminderId(), due);
        apply(new ReminderScheduledEvent(command.reminderId(), command.kind(), command.caseId(), command.subjectId(),
                command.planVersion(), command.since(), due));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RescheduleReminderCommand command, ReminderPolicy policy, DeadlineManager deadlines,
                       Clock clock) {
        if (command.since() == null) {
            throw new IllegalArgumentException("since: required");
        }
        if (status != Status.PENDING) {
            return; // nothing waits: nothing to move
        }
        Instant due = policy.dueAt(kind, command.since());
        if (due.equals(dueAt)) {
            return;
        }
        schedule(deadlines, clock, reminderId, due);
        apply(new ReminderRescheduledEvent(reminderId, caseId, command.since(), due));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(CancelReminderCommand command, DeadlineManager deadlines) {
        require(command.reason(), "reason");
        if (status != Status.PENDING) {
            return;
        }
        deadlines.cancelAllWithinScope(DEADLINE);
        apply(new ReminderCancelledEvent(reminderId, caseId, command.reason()));
    }

    @DeadlineHandler(deadlineName = DEADLINE)
    void due(Due due) {
        if (status == Status.PENDING && due.dueAt().equals(dueAt)) {
            apply(new ReminderFiredEvent(reminderId, kind, caseId, subjectId, planVersion, since, dueAt));
        }
    }

    /** Replaces any deadline of this reminder; one already past fires at once. */
    private static void schedule(DeadlineManager deadlines, Clock clock, String reminderId, Instant due) {
        deadlines.cancelAllWithinScope(DEADLINE);
        Instant now = clock.instant();
        deadlines.schedule(due.isAfter(now) ? due : now, DEADLINE, new Due(reminderId, due));
    }

    @EventSourcingHandler
    void on(ReminderScheduledEvent event) {
        reminderId = event.reminderId();
        kind = event.kind();
        caseId = event.caseId();
        subjectId = event.subjectId();
        planVersion = event.planVersion();
        since = event.since();
        dueAt = event.dueAt();
        status = Status.PENDING;
    }

    @EventSourcingHandler
    void on(ReminderRescheduledEvent event) {
        since = event.since();
        dueAt = event.dueAt();
    }

    @EventSourcingHandler
    void on(ReminderCancelledEvent event) {
        status = Status.CANCELLED;
    }

    @EventSourcingHandler
    void on(ReminderFiredEvent event) {
        status = Status.FIRED;
    }

    private static void require(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + ": required");
        }
        if (value.length() > Notification.MAX_ID_LENGTH) {
            throw new IllegalArgumentException(field + ": at most " + Notification.MAX_ID_LENGTH + " characters");
        }
    }
}
