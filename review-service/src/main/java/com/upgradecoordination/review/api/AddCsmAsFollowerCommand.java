package com.upgradecoordination.review.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The engagement's CSM, learnt from coordination-service after the ticket was filed, follows it
 * (SPEC T3): the engagement's opening and the ticket's request may arrive in either order.
 */
public record AddCsmAsFollowerCommand(
        @TargetAggregateIdentifier String ticketId,
        String csm) {
}
