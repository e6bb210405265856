package com.upgradecoordination.notification.api;

import com.upgradecoordination.events.PersonalData;
import org.axonframework.serialization.Revision;

/** A notification about another event reached its recipient on a channel. */
@Revision("1")
public record NotificationSentEvent(
        String notificationId,
        String caseId,
        String sourceEventId,
        String sourceEventType,
        @PersonalData String recipient,
        Channel channel,
        String message) {
}
