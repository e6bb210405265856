package com.upgradecoordination.notification.api;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Remind people when what is expected of {@code subjectId} has not happened in time; the reminder
 * decides when that is from {@code since} and its kind (see ReminderPolicy). Scheduling a reminder
 * that is pending for another time moves it.
 *
 * @param reminderId  {@link #idFor(ReminderKind, String)}: one reminder per (kind, subject)
 * @param subjectId   the ticket or the support review
 * @param planVersion the reviewed plan version (SUPPORT_REVIEW_OVERDUE); null otherwise
 * @param since       what it counts from: the upgrade time, or when the support review opened
 */
public record ScheduleReminderCommand(
        @TargetAggregateIdentifier String reminderId,
        ReminderKind kind,
        String caseId,
        String subjectId,
        Integer planVersion,
        Instant since) {

    /** The reminder of this kind about this subject. */
    public static ScheduleReminderCommand of(ReminderKind kind, String caseId, String subjectId, Integer planVersion,
                                             Instant since) {
        return new ScheduleReminderCommand(idFor(kind, subjectId), kind, caseId, subjectId, planVersion, since);
    }

    /** {@code reminder:KIND:subject}, readable in the event store and the audit trail. */
    public static String idFor(ReminderKind kind, String subjectId) {
        return "reminder:" + kind + ":" + subjectId;
    }
}
