package com.upgradecoordination.notification.messaging;

import com.upgradecoordination.notification.domain.ReminderPolicy;
import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code notification.reminders.*}: when this service's reminders are due (SPEC N3).
 *
 * @param upgradeOutcomeGrace          after the upgrade time, how long an outcome may take before
 *                                     the assigned engineer is reminded
 * @param supportReviewSlaBusinessDays how many business days (Monday to Friday) a support review may
 *                                     stay open before the senior reviewers are reminded
 * @param businessZone                 the time zone business days are counted in
 */
@ConfigurationProperties("notification.reminders")
public record ReminderSettings(
        @DefaultValue("1d") Duration upgradeOutcomeGrace,
        @DefaultValue("2") int supportReviewSlaBusinessDays,
        @DefaultValue("UTC") ZoneId businessZone) {

    public ReminderPolicy policy() {
        return new ReminderPolicy(upgradeOutcomeGrace, supportReviewSlaBusinessDays, businessZone);
    }
}
