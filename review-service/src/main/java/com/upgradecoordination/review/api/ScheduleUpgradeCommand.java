package com.upgradecoordination.review.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** The customer scheduled the upgrade at the request's date and time; the ticket goes on hold (SPEC T9). */
public record ScheduleUpgradeCommand(
        @TargetAggregateIdentifier String ticketId,
        @TargetAggregateVersion Long expectedVersion) {
}
