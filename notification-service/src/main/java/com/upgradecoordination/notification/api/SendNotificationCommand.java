package com.upgradecoordination.notification.api;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Tell {@code recipient} on {@code channel} about the integration event {@code sourceEventId}.
 *
 * @param notificationId     {@link #idFor(String, String, Channel)} of the source event, recipient
 *                           and channel: one (event, recipient, channel) is one notification (SPEC N4)
 * @param caseId             the case the source event belongs to
 * @param email              the email address (EMAIL only)
 * @param webhookFingerprint {@link WebhookFingerprint} of the recipient's webhook URL (WEBHOOK only);
 *                           the URL itself never travels in a message
 * @param message            the rendered text the recipient reads
 */
public record SendNotificationCommand(
        @TargetAggregateIdentifier String notificationId,
        String caseId,
        String sourceEventId,
        String sourceEventType,
        String recipient,
        Channel channel,
        String email,
        String webhookFingerprint,
        String message) {

    /** The command for this (event, recipient, channel), with its deterministic notification id. */
    public static SendNotificationCommand of(String caseId, String sourceEventId, String sourceEventType,
                                             String recipient, Channel channel, String email,
                                             String webhookFingerprint, String message) {
        return new SendNotificationCommand(idFor(sourceEventId, recipient, channel), caseId, sourceEventId,
                sourceEventType, recipient, channel, email, webhookFingerprint, message);
    }

    /** An inbox notification, which needs no address. */
    public static SendNotificationCommand toInbox(String caseId, String sourceEventId, String sourceEventType,
                                                  String recipient, String message) {
        return of(caseId, sourceEventId, sourceEventType, recipient, Channel.INBOX, null, null, message);
    }

    /** A name-based (type 3) UUID of {@code sourceEventId|recipient|channel}: the same inputs always give the same id. */
    public static String idFor(String sourceEventId, String recipient, Channel channel) {
        String name = sourceEventId + "|" + recipient + "|" + channel;
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
