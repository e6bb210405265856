package com.upgradecoordination.notification.messaging;

import com.upgradecoordination.events.EventEnvelope;
import com.upgradecoordination.events.review.SupportReviewCompletedV2;
import com.upgradecoordination.events.review.SupportReviewOpened;
import com.upgradecoordination.events.review.TicketStatusChanged;
import com.upgradecoordination.events.review.UpgradeOutcomeReported;
import com.upgradecoordination.events.review.UpgradeRescheduled;
import com.upgradecoordination.events.review.UpgradeScheduled;
import com.upgradecoordination.notification.api.CancelReminderCommand;
import com.upgradecoordination.notification.api.ReminderKind;
import com.upgradecoordination.notification.api.RescheduleReminderCommand;
import com.upgradecoordination.notification.api.ScheduleReminderCommand;
import com.upgradecoordination.platform.inbox.InboundEvent;
import org.springframework.stereotype.Component;

/**
 * Which events arm, move and settle this service's reminders (SPEC N3):
 *
 * <ul>
 *   <li>{@code UpgradeScheduled} arms UPGRADE_OUTCOME_OVERDUE for the ticket (its upgrade time plus
 *       a grace period); {@code UpgradeRescheduled} moves a pending one to the new time;
 *       {@code UpgradeOutcomeReported} and the ticket's {@code TicketStatusChanged} to CLOSED cancel it.</li>
 *   <li>{@code SupportReviewOpened} arms SUPPORT_REVIEW_OVERDUE (the SLA from when it opened, the
 *       envelope's {@code occurredAt}); {@code SupportReviewCompleted} cancels it.</li>
 * </ul>
 * The commands run in the Kafka inbox's transaction, so a reminder's deadline is stored exactly when
 * the event is recorded as handled.
 */
@Component
public class ReminderTriggers {

    void react(InboundEvent inbound) {
        Object command = commandFor(inbound);
        if (command != null) {
            inbound.commands().send(command);
        }
    }

    private Object commandFor(InboundEvent inbound) {
        EventEnvelope envelope = inbound.envelope();
        String caseId = envelope.caseId();
        if (envelope.isOfType(UpgradeScheduled.class)) {
            UpgradeScheduled scheduled = inbound.payloadAs(UpgradeScheduled.class);
            return ScheduleReminderCommand.of(ReminderKind.UPGRADE_OUTCOME_OVERDUE, caseId, scheduled.ticketId(), null,
                    scheduled.upgradeAt());
        }
        if (envelope.isOfType(UpgradeRescheduled.class)) {
            UpgradeRescheduled rescheduled = inbound.payloadAs(UpgradeRescheduled.class);
            return new RescheduleReminderCommand(upgradeOutcomeOf(rescheduled.ticketId()), rescheduled.upgradeAt());
        }
        if (envelope.isOfType(UpgradeOutcomeReported.class)) {
            UpgradeOutcomeReported reported = inbound.payloadAs(UpgradeOutcomeReported.class);
            return new CancelReminderCommand(upgradeOutcomeOf(reported.ticketId()), envelope.type());
        }
        if (envelope.isOfType(TicketStatusChanged.class)) {
            TicketStatusChanged changed = inbound.payloadAs(TicketStatusChanged.class);
            return "CLOSED".equals(changed.to())
                    ? new CancelReminderCommand(upgradeOutcomeOf(changed.ticketId()), "TicketStatusChanged to CLOSED")
                    : null;
        }
        if (envelope.isOfType(SupportReviewOpened.class)) {
            SupportReviewOpened opened = inbound.payloadAs(SupportReviewOpened.class);
            return ScheduleReminderCommand.of(ReminderKind.SUPPORT_REVIEW_OVERDUE, caseId, opened.reviewId(),
                    opened.planVersion(), envelope.occurredAt());
        }
        // version 2 comes first; the deprecated version 1 after it is the same event, a duplicate to the inbox
        if (envelope.isOfType(SupportReviewCompletedV2.class)) {
            return new CancelReminderCommand(ScheduleReminderCommand.idFor(ReminderKind.SUPPORT_REVIEW_OVERDUE,
                    inbound.payloadAs(SupportReviewCompletedV2.class).reviewId()), envelope.type());
        }
        return null;
    }

    private static String upgradeOutcomeOf(String ticketId) {
        if (ticketId == null || ticketId.isBlank()) {
            throw new IllegalArgumentException("ticketId: required");
        }
        return ScheduleReminderCommand.idFor(ReminderKind.UPGRADE_OUTCOME_OVERDUE, ticketId);
    }
}
