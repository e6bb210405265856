package com.upgradecoordination.coordination.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record JustifyDeviationCommand(
        @TargetAggregateIdentifier String engagementId, DeviationReason reasonCategory, String explanation) {
}
