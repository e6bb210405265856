package com.upgradecoordination.events.notification;

import com.upgradecoordination.events.EventContract;
import com.upgradecoordination.events.PersonalData;
import com.upgradecoordination.events.Topics;

/**
 * A notification about another event reached a recipient on a channel (SPEC N4).
 *
 * @param channel INBOX, EMAIL or WEBHOOK
 */
@EventContract(type = "NotificationSent", version = 1, topic = Topics.NOTIFICATION)
public record NotificationSent(
        String notificationId,
        String sourceEventId,
        String sourceEventType,
        @PersonalData String recipient,
        String channel) {
}
