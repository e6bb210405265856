package com.upgradecoordination.notification.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The recipient (a person, or a member of the team it was sent to) read an inbox notification. */
public record MarkNotificationReadCommand(@TargetAggregateIdentifier String notificationId, String recipient) {
}
