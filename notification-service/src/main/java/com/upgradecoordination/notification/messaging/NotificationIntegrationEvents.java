package com.upgradecoordination.notification.messaging;

import com.upgradecoordination.events.notification.NotificationFailed;
import com.upgradecoordination.events.notification.NotificationSent;
import com.upgradecoordination.events.notification.ReminderFired;
import com.upgradecoordination.notification.api.NotificationFailedEvent;
import com.upgradecoordination.notification.api.NotificationSentEvent;
import com.upgradecoordination.notification.api.ReminderFiredEvent;
import com.upgradecoordination.notification.api.ReminderKind;
import com.upgradecoordination.platform.relay.IntegrationEventTranslator;
import com.upgradecoordination.platform.relay.OutboundIntegrationEvent;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Which domain events are published, and as which contract: sent and failed notifications and
 * fired reminders join their case's history (the record key is the case id).
 */
@Component
public class NotificationIntegrationEvents implements IntegrationEventTranslator {

    @Override
    public Optional<OutboundIntegrationEvent> translate(Object domainEvent) {
        if (domainEvent instanceof NotificationSentEvent e) {
            return Optional.of(new OutboundIntegrationEvent(e.caseId(), new NotificationSent(e.notificationId(),
                    e.sourceEventId(), e.sourceEventType(), e.recipient(), e.channel().name())));
        }
        if (domainEvent instanceof NotificationFailedEvent e) {
            return Optional.of(new OutboundIntegrationEvent(e.caseId(), new NotificationFailed(e.notificationId(),
                    e.sourceEventId(), e.sourceEventType(), e.recipient(), e.channel().name(), e.attempts(),
                    e.reason())));
        }
        if (domainEvent instanceof ReminderFiredEvent e) {
            boolean aboutTicket = e.kind() == ReminderKind.UPGRADE_OUTCOME_OVERDUE;
            return Optional.of(new OutboundIntegrationEvent(e.caseId(), new ReminderFired(e.reminderId(),
                    e.kind().name(), aboutTicket ? e.subjectId() : null, aboutTicket ? null : e.subjectId(),
                    e.planVersion(), e.since(), e.dueAt())));
        }
        return Optional.empty();
    }
}
