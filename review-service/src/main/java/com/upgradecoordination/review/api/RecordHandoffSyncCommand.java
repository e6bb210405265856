package com.upgradecoordination.review.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** @param engineer the engineer who will take over the final review (SPEC T8) */
public record RecordHandoffSyncCommand(
        @TargetAggregateIdentifier String ticketId,
        String engineer,
        String notes,
        @TargetAggregateVersion Long expectedVersion) {
}
