package com.upgradecoordination.notification.api;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Tell {@code recipient} on {@code channel} about the integration event {@code sourceEventId}.
 *
 * @param notificationId {@link #idFor(String, String, Channel)} of the source event, recipient and
 *                       channel: one (event, recipient, channel) is one notification (SPEC N4)
 * @param caseId         the case the source event belongs to
 * @param address        where the channel delivers: the email address or the webhook URL; null for the inbox
 * @param message        the rendered text the recipient reads
 */
public record SendNotificationCommand(
        @TargetAggregateIdentifier String notificationId,
        String caseId,
        String sourceEventId,
        String sourceEventType,
        String recipient,
        Channel channel,
        String address,
        String message) {

    /** The command for this (event, recipient, channel), with its deterministic notification id. */
    public static SendNotificationCommand of(String caseId, String sourceEventId, String sourceEventType,
                                             String recipient, Channel channel, String address, String message) {
        return new SendNotificationCommand(idFor(sourceEventId, recipient, channel), caseId, sourceEventId,
                sourceEventType, recipient, channel, address, message);
    }

    /** A name-based (type 3) UUID of {@code sourceEventId|recipient|channel}: the same inputs always give the same id. */
    public static String idFor(String sourceEventId, String recipient, Channel channel) {
        String name = sourceEventId + "|" + recipient + "|" + channel;
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
