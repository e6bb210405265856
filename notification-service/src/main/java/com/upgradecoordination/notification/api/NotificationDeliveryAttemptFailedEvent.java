package com.upgradecoordination.notification.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * One delivery attempt failed.
 *
 * @param nextAttemptAt when the next attempt is due (exponential backoff); null when there is none
 *                      and {@link NotificationFailedEvent} follows
 */
@Revision("1")
public record NotificationDeliveryAttemptFailedEvent(
        String notificationId,
        int attempt,
        String reason,
        boolean permanent,
        Instant nextAttemptAt) {
}
