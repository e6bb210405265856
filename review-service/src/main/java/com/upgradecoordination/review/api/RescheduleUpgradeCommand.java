package com.upgradecoordination.review.api;

import java.time.LocalDate;
import java.time.LocalTime;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** The upgrade moves to a new date, time and timezone (SPEC T10). */
public record RescheduleUpgradeCommand(
        @TargetAggregateIdentifier String ticketId,
        LocalDate upgradeDate,
        LocalTime upgradeTime,
        String upgradeTimezone,
        @TargetAggregateVersion Long expectedVersion) {
}
