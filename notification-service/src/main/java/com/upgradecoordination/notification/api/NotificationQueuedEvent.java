package com.upgradecoordination.notification.api;

import com.upgradecoordination.events.PersonalData;
import org.axonframework.serialization.Revision;

/**
 * A notification waits to be delivered by email or webhook; the delivery worker attempts it, and
 * records each attempt on the notification.
 *
 * @param email              the email address it goes to (EMAIL); null otherwise
 * @param webhookFingerprint {@link WebhookFingerprint} of the recipient's webhook URL when it was
 *                           queued (WEBHOOK); null otherwise. The URL, a secret, is never in an
 *                           event: the worker looks it up when it delivers.
 */
@Revision("2")
public record NotificationQueuedEvent(
        String notificationId,
        String caseId,
        String sourceEventId,
        String sourceEventType,
        @PersonalData String recipient,
        Channel channel,
        @PersonalData String email,
        String webhookFingerprint,
        String message) {
}
