package com.upgradecoordination.notification.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A reminder came due with what it waited for still undone. Published as {@code ReminderFired};
 * the rule table turns it into notifications like any other event, once per (this event,
 * recipient, channel).
 */
@Revision("1")
public record ReminderFiredEvent(
        String reminderId,
        ReminderKind kind,
        String caseId,
        String subjectId,
        Integer planVersion,
        Instant since,
        Instant dueAt) {
}
