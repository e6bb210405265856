package com.upgradecoordination.review.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Closes a solved ticket for good. */
public record CloseTicketCommand(
        @TargetAggregateIdentifier String ticketId,
        @TargetAggregateVersion Long expectedVersion) {
}
