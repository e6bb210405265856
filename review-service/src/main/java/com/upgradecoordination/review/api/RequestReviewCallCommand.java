package com.upgradecoordination.review.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** The customer asks for the optional 30-minute review call (SPEC T7). */
public record RequestReviewCallCommand(
        @TargetAggregateIdentifier String ticketId,
        @TargetAggregateVersion Long expectedVersion) {
}
