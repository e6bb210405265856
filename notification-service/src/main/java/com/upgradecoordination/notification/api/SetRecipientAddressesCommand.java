package com.upgradecoordination.notification.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Where a recipient (a person's principal name, or a team such as {@code @proserv}) is reached
 * besides the inbox; replaces what was set before.
 *
 * @param email      null for no email
 * @param webhookUrl a Slack-compatible incoming webhook (http or https); null for none
 */
public record SetRecipientAddressesCommand(@TargetAggregateIdentifier String recipient, String email,
                                           String webhookUrl) {
}
