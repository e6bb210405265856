package com.upgradecoordination.review.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** The review call took place (SPEC T7). */
public record RecordReviewCallHeldCommand(
        @TargetAggregateIdentifier String ticketId,
        String notes,
        @TargetAggregateVersion Long expectedVersion) {
}
