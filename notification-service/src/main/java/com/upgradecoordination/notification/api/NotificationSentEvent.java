package com.upgradecoordination.notification.api;

import org.axonframework.serialization.Revision;

/** A notification about another event reached its recipient on a channel. */
@Revision("1")
public record NotificationSentEvent(
        String notificationId,
        String caseId,
        String sourceEventId,
        String sourceEventType,
        String recipient,
        Channel channel,
        String message) {
}
