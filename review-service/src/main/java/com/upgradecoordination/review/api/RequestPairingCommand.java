package com.upgradecoordination.review.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** @param engineer an engineer with an upgrade focus, other than the assignee (SPEC T5) */
public record RequestPairingCommand(
        @TargetAggregateIdentifier String ticketId,
        String engineer,
        @TargetAggregateVersion Long expectedVersion) {
}
