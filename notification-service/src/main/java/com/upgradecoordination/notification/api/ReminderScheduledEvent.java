package com.upgradecoordination.notification.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A reminder is pending: it fires at {@code dueAt} unless cancelled first.
 *
 * @param since what it counts from: the upgrade time, or when the support review opened
 */
@Revision("1")
public record ReminderScheduledEvent(
        String reminderId,
        ReminderKind kind,
        String caseId,
        String subjectId,
        Integer planVersion,
        Instant since,
        Instant dueAt) {
}
