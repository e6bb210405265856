package com.upgradecoordination.notification.readmodel;

import java.time.Instant;

/** One notification in a recipient's inbox. */
public record InboxEntry(
        String id,
        String caseId,
        String sourceEventType,
        String message,
        Instant createdAt,
        boolean read) {
}
