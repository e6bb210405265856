package com.upgradecoordination.notification.api;

import com.upgradecoordination.events.PersonalData;
import org.axonframework.serialization.Revision;

/** A notification could not be delivered and is no longer tried: a permanent failure, or the attempts ran out. */
@Revision("1")
public record NotificationFailedEvent(
        String notificationId,
        String caseId,
        String sourceEventId,
        String sourceEventType,
        @PersonalData String recipient,
        Channel channel,
        int attempts,
        String reason) {
}
