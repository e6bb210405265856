package com.upgradecoordination.events.notification;

import com.upgradecoordination.events.EventContract;
import com.upgradecoordination.events.PersonalData;
import com.upgradecoordination.events.Topics;

/**
 * A notification about another event could not be delivered and is no longer tried (SPEC N4):
 * the channel refused it for good, or every attempt failed.
 *
 * @param channel  EMAIL or WEBHOOK
 * @param attempts the delivery attempts made
 * @param reason   why the last attempt failed
 */
@EventContract(type = "NotificationFailed", version = 1, topic = Topics.NOTIFICATION)
public record NotificationFailed(
        String notificationId,
        String sourceEventId,
        String sourceEventType,
        @PersonalData String recipient,
        String channel,
        int attempts,
        String reason) {
}
