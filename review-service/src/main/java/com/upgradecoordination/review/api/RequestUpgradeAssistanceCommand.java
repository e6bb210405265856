package com.upgradecoordination.review.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A customer files an Upgrade Assistance request (SPEC T1, T3, T4).
 *
 * @param ticketId     chosen by the sender
 * @param engagementId the engagement it belongs to, or null
 * @param csm          the organisation's CSM, or null when it has none
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
