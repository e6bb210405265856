package com.upgradecoordination.review.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** The customer's answer: the request's details as they now stand (SPEC T4). */
public record ProvideCustomerInformationCommand(
        @TargetAggregateIdentifier String ticketId,
        UpgradeRequestDetails details,
        @TargetAggregateVersion Long expectedVersion) {
}
