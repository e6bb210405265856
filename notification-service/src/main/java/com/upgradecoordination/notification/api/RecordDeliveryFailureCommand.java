package com.upgradecoordination.notification.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Delivery attempt {@code attempt} (1 for the first) failed.
 *
 * @param permanent true when trying again cannot help (the address refuses it for good)
 */
public record RecordDeliveryFailureCommand(@TargetAggregateIdentifier String notificationId, int attempt,
                                           String reason, boolean permanent) {
}
