package com.upgradecoordination.notification.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * What the reminder waited for happened (or can no longer happen); a reminder not pending stays as it is.
 *
 * @param reason the event that made it unnecessary, e.g. {@code UpgradeOutcomeReported}
 */
public record CancelReminderCommand(@TargetAggregateIdentifier String reminderId, String reason) {
}
