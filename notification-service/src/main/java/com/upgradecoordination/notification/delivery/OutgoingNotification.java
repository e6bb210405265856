package com.upgradecoordination.notification.delivery;

import com.upgradecoordination.notification.api.Channel;

/** What a channel sender needs to deliver one notification. */
public record OutgoingNotification(String notificationId, String caseId, String sourceEventType, String recipient,
                                   Channel channel, String address, String message) {
}
