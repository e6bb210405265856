package com.upgradecoordination.notification.messaging;

import com.upgradecoordination.events.notification.NotificationFailed;
import com.upgradecoordination.events.notification.NotificationSent;
import com.upgradecoordination.events.notification.ReminderFired;
import com.upgradecoordination.notification.api.NotificationDeliveryAttemptFailedEvent;
import com.upgradecoordination.notification.api.NotificationFailedEvent;
import com.upgradecoordination.notification.api.NotificationQueuedEvent;
import com.upgradecoordination.notification.api.NotificationReadEvent;
import com.upgradecoordination.notification.api.NotificationSentEvent;
import com.upgradecoordination.notification.api.RecipientEmailChangedEvent;
import com.upgradecoordination.notification.api.RecipientWebhookRemovedEvent;
import com.upgradecoordination.notification.api.RecipientWebhookSetEvent;
import com.upgradecoordination.notification.api.ReminderCancelledEvent;
import com.upgradecoordination.notification.api.ReminderFiredEvent;
import com.upgradecoordination.notification.api.ReminderKind;
import com.upgradecoordination.notification.api.ReminderRescheduledEvent;
import com.upgradecoordination.notification.api.ReminderScheduledEvent;
import com.upgradecoordination.platform.relay.ContractTranslations;
import com.upgradecoordination.platform.relay.IntegrationEventTranslator;
import com.upgradecoordination.platform.relay.OutboundIntegrationEvent;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Which domain events are published, and as which contract: sent and failed notifications and
 * fired reminders join their case's history (the record key is the case id). The others stay in
 * the service on purpose.
 */
@Component
public class NotificationIntegrationEvents implements IntegrationEventTranslator {

    /** The service's events share no type (a recipient's have no case), so each published line names its case. */
    static final ContractTranslations TABLE = ContractTranslations.of(Record.class)
            .publish(NotificationSentEvent.class, NotificationSentEvent::caseId, e -> new NotificationSent(
                    e.notificationId(), e.sourceEventId(), e.sourceEventType(), e.recipient(), e.channel().name()))
            .publish(NotificationFailedEvent.class, NotificationFailedEvent::caseId, e -> new NotificationFailed(
                    e.notificationId(), e.sourceEventId(), e.sourceEventType(), e.recipient(), e.channel().name(),
                    e.attempts(), e.reason()))
            .publish(ReminderFiredEvent.class, ReminderFiredEvent::caseId, e -> {
                boolean aboutTicket = e.kind() == ReminderKind.UPGRADE_OUTCOME_OVERDUE;
                return new ReminderFired(e.reminderId(), e.kind().name(), aboutTicket ? e.subjectId() : null,
                        aboutTicket ? null : e.subjectId(), e.planVersion(), e.since(), e.dueAt());
            })
            // kept inside: a notification's way to its outcome (queued, each failed attempt, read), the
            // recipients' addresses (personal data), and a reminder's life until it fires
            .keepInternal(NotificationQueuedEvent.class, NotificationDeliveryAttemptFailedEvent.class,
                    NotificationReadEvent.class, RecipientEmailChangedEvent.class, RecipientWebhookSetEvent.class,
                    RecipientWebhookRemovedEvent.class, ReminderScheduledEvent.class, ReminderRescheduledEvent.class,
                    ReminderCancelledEvent.class)
            .build();

    @Override
    public Optional<OutboundIntegrationEvent> translate(Object domainEvent) {
        return TABLE.translate(domainEvent);
    }
}
