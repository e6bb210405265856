package com.upgradecoordination.notification.api;

import com.upgradecoordination.events.PersonalData;
import org.axonframework.serialization.Revision;

/** An inbox notification was read; who marked it and when are the event's audit metadata. */
@Revision("1")
public record NotificationReadEvent(String notificationId, @PersonalData String recipient) {
}
