package com.upgradecoordination.coordination.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** @param expectedVersion the engagement's version the sender based this on (If-Match); null: no check */
public record JustifyDeviationCommand(
        @TargetAggregateIdentifier String engagementId,
        DeviationReason reasonCategory,
        String explanation,
        @TargetAggregateVersion Long expectedVersion) {
}
