package com.upgradecoordination.coordination.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

public record CloseEngagementCommand(@TargetAggregateIdentifier String engagementId, ClosingOutcome outcome,
                                     String notes, @TargetAggregateVersion Long expectedVersion) {
}
