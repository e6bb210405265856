package com.upgradecoordination.review.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Opens a ticket for a migration problem routed to Support (SPEC C8).
 *
 * @param organisation the engagement's customer, or null when review-service has not learnt it
 * @param csm          the engagement's CSM, or null when unknown
 */
public record OpenMigrationProblemTicketCommand(
        @TargetAggregateIdentifier String ticketId,
        String engagementId,
        String organisation,
        String csm,
        String problemId,
        String description) {
}
