package com.upgradecoordination.notification.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The channel accepted the notification on delivery attempt {@code attempt} (1 for the first). */
public record RecordNotificationDeliveredCommand(@TargetAggregateIdentifier String notificationId, int attempt) {
}
