package com.upgradecoordination.review.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** The customer reports the upgrade's outcome (SPEC T9). */
public record ReportUpgradeOutcomeCommand(
        @TargetAggregateIdentifier String ticketId,
        UpgradeOutcome outcome,
        String notes,
        @TargetAggregateVersion Long expectedVersion) {
}
