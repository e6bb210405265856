package com.upgradecoordination.review.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A customer files an Upgrade Assistance request (SPEC T1, T3, T4).
 *
 * @param ticketId     chosen by the sender
 * @param engagementId the engagement it belongs to, or null
 * @param csm          the CSM the request names, or null: then the engagement's or organisation's CSM
 *                     as coordination-service named them follows, if known when the ticket is filed
 * @param csmSource    where the CSM is known from; required with a CSM
 */
public record RequestUpgradeAssistanceCommand(
        @TargetAggregateIdentifier String ticketId,
        TicketForm form,
        String organisation,
        String engagementId,
        String csm,
        CsmSource csmSource,
        UpgradeRequestDetails details) {
}
