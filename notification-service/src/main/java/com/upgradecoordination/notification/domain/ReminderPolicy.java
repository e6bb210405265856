package com.upgradecoordination.notification.domain;

import com.upgradecoordination.notification.api.ReminderKind;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * When each kind of reminder is due (SPEC N3).
 *
 * @param upgradeOutcomeGrace          how long after the upgrade time an outcome may take before the
 *                                     assigned engineer is reminded
 * @param supportReviewSlaBusinessDays how many business days a support review may stay open: due at
 *                                     the same time of day that many weekdays after it opened
 *                                     (Saturdays and Sundays do not count)
 * @param businessZone                 where the business days are counted
 */
public record ReminderPolicy(Duration upgradeOutcomeGrace, int supportReviewSlaBusinessDays, ZoneId businessZone) {

    public ReminderPolicy {
        if (upgradeOutcomeGrace == null || upgradeOutcomeGrace.isNegative()) {
            throw new IllegalArgumentException("upgradeOutcomeGrace: zero or more");
        }
        if (supportReviewSlaBusinessDays < 1) {
            throw new IllegalArgumentException("supportReviewSlaBusinessDays: at least 1");
        }
        if (businessZone == null) {
            throw new IllegalArgumentException("businessZone: required");
        }
    }

    /** When a reminder of {@code kind} counting from {@code since} is due. */
    public Instant dueAt(ReminderKind kind, Instant since) {
        if (kind == ReminderKind.UPGRADE_OUTCOME_OVERDUE) {
            return since.plus(upgradeOutcomeGrace);
        }
        ZonedDateTime due = since.atZone(businessZone);
        int counted = 0;
        while (counted < supportReviewSlaBusinessDays) {
            due = due.plusDays(1);
            if (due.getDayOfWeek() != DayOfWeek.SATURDAY && due.getDayOfWeek() != DayOfWeek.SUNDAY) {
                counted++;
            }
        }
        return due.toInstant();
    }
}
