package com.upgradecoordination.review.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * Hands the ticket to the engineer the assignee synced with (SPEC T8).
 *
 * @param handedOffBy     the caller's principal: the assignee, or a Support Manager
 * @param handedOffByRole the role the caller acts in
 */
public record HandOffTicketCommand(
        @TargetAggregateIdentifier String ticketId,
        String toEngineer,
        String handedOffBy,
        String handedOffByRole,
        @TargetAggregateVersion Long expectedVersion) {
}
