package com.upgradecoordination.notification.readmodel;

import java.time.Instant;

/**
 * Where one notification's delivery stands.
 *
 * @param status    QUEUED, SENT or FAILED
 * @param attempts  failed delivery attempts so far
 * @param lastError why the last attempt failed; null when none did
 */
public record NotificationStatus(
        String id,
        String caseId,
        String sourceEventType,
        String recipient,
        String channel,
        String status,
        int attempts,
        String lastError,
        Instant createdAt,
        Instant updatedAt) {
}
