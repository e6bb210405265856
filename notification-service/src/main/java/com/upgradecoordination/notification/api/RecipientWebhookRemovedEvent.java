package com.upgradecoordination.notification.api;

import org.axonframework.serialization.Revision;

/** A recipient's webhook URL was removed; its row of {@code recipient_webhook} went in the same transaction. */
@Revision("1")
public record RecipientWebhookRemovedEvent(String recipient, String previousFingerprint) {
}
