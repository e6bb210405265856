package com.upgradecoordination.notification.api;

import com.upgradecoordination.events.PersonalData;
import org.axonframework.serialization.Revision;

/** A recipient's email address was set, changed or removed. */
@Revision("1")
public record RecipientEmailChangedEvent(String recipient, @PersonalData String email) {
}
