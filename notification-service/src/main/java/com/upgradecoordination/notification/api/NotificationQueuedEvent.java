package com.upgradecoordination.notification.api;

import org.axonframework.serialization.Revision;

/**
 * A notification waits to be delivered by email or webhook; the delivery worker attempts it, and
 * records each attempt on the notification.
 *
 * @param address the email address or webhook URL it goes to
 */
@Revision("1")
public record NotificationQueuedEvent(
        String notificationId,
        String caseId,
        String sourceEventId,
        String sourceEventType,
        String recipient,
        Channel channel,
        String address,
        String message) {
}
