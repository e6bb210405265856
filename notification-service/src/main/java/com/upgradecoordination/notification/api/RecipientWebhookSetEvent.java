package com.upgradecoordination.notification.api;

import org.axonframework.serialization.Revision;

/**
 * A recipient's webhook URL was set or replaced. A webhook URL is a secret (whoever has it posts
 * to the channel), so the event records only that it changed, and when; the URL itself is kept in
 * the plain table {@code recipient_webhook}, written in the same transaction.
 *
 * @param fingerprint         {@link WebhookFingerprint} of the new URL
 * @param previousFingerprint that of the URL it replaced; null when there was none
 */
@Revision("1")
public record RecipientWebhookSetEvent(String recipient, String fingerprint, String previousFingerprint) {
}
