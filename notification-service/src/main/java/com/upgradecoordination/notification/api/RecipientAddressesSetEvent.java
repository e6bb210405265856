package com.upgradecoordination.notification.api;

import org.axonframework.serialization.Revision;

/** A recipient's email address and webhook URL; null where there is none. */
@Revision("1")
public record RecipientAddressesSetEvent(String recipient, String email, String webhookUrl) {
}
