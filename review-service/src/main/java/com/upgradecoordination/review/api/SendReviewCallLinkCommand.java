package com.upgradecoordination.review.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** The engineer sends the one-time booking link (SPEC T7): at least 2 days before the upgrade. */
public record SendReviewCallLinkCommand(
        @TargetAggregateIdentifier String ticketId,
        @TargetAggregateVersion Long expectedVersion) {
}
