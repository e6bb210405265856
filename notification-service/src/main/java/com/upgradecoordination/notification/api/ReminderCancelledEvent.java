package com.upgradecoordination.notification.api;

import org.axonframework.serialization.Revision;

/** A pending reminder is no longer needed; {@code reason} names the event that settled it. */
@Revision("1")
public record ReminderCancelledEvent(String reminderId, String caseId, String reason) {
}
