package com.upgradecoordination.review.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * The triaging engineer assigns the ticket to themselves (SPEC T2).
 *
 * @param engineer     the caller's principal
 * @param engineerRole the role the caller acts in; only Support roles take tickets
 */
public record AssignTicketCommand(
        @TargetAggregateIdentifier String ticketId,
        String engineer,
        String engineerRole,
        @TargetAggregateVersion Long expectedVersion) {
}
