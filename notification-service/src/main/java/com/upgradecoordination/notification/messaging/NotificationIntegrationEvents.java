package com.upgradecoordination.notification.messaging;

import com.upgradecoordination.events.notification.NotificationFailed;
import com.upgradecoordination.events.notification.NotificationSent;
import com.upgradecoordination.notification.api.NotificationFailedEvent;
import com.upgradecoordination.notification.api.NotificationSentEvent;
import com.upgradecoordination.platform.relay.IntegrationEventTranslator;
import com.upgradecoordination.platform.relay.OutboundIntegrationEvent;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Which domain events of notifications are published, and as which contract: sent and failed
 * notifications join their case's history (the record key is the case id).
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
        return Optional.empty();
    }
}
