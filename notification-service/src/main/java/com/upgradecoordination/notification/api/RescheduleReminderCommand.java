package com.upgradecoordination.notification.api;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** What a pending reminder counts from moved (a rescheduled upgrade); a reminder not pending stays as it is. */
public record RescheduleReminderCommand(@TargetAggregateIdentifier String reminderId, Instant since) {
}
