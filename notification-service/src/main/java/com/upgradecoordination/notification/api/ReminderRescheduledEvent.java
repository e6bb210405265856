package com.upgradecoordination.notification.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A pending reminder moved with what it counts from (a rescheduled upgrade). */
@Revision("1")
public record ReminderRescheduledEvent(String reminderId, String caseId, Instant since, Instant dueAt) {
}
