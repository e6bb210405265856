package com.upgradecoordination.review.domain;

import static com.upgradecoordination.platform.domain.CommandInput.limit;
import static com.upgradecoordination.platform.domain.CommandInput.require;

import com.upgradecoordination.review.api.RescheduleUpgradeCommand;
import com.upgradecoordination.review.api.UpgradeRequestDetails;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;

/**
 * The form of a request's details and the upgrade's moment in its timezone. Form only: what is
 * missing is the required-information check's business, not a refusal.
 */
final class UpgradeDetailsInput {

    static final int MAX_VERSION = 50;
    static final int MAX_PATH = 50;
    static final int MAX_TEXT = 20_000;
    static final int MAX_EMAIL = 320;
    static final int MAX_TIMEZONE = 200;

    private UpgradeDetailsInput() {
    }

    /** Refuses details that are absent or too long, an empty path entry, an unanswered condition, an unknown timezone. */
    static void check(UpgradeRequestDetails details) {
        if (details == null) {
            throw new IllegalArgumentException("details: required");
        }
        limit(details.currentVersion(), "details.currentVersion", MAX_VERSION);
        limit(details.targetVersion(), "details.targetVersion", MAX_VERSION);
        if (details.upgradePath() != null) {
            if (details.upgradePath().size() > MAX_PATH) {
                throw new IllegalArgumentException("details.upgradePath: at most " + MAX_PATH + " versions");
            }
            for (String version : details.upgradePath()) {
                if (version == null || version.isBlank()) {
                    throw new IllegalArgumentException("details.upgradePath: must not contain empty entries");
                }
                limit(version, "details.upgradePath", MAX_VERSION);
            }
        }
        if (details.instanceConditions() != null) {
            for (Map.Entry<?, Boolean> answer : details.instanceConditions().entrySet()) {
                if (answer.getKey() == null || answer.getValue() == null) {
                    throw new IllegalArgumentException("details.instanceConditions: answer each condition true or false");
                }
            }
        }
        limit(details.upgradePlan(), "details.upgradePlan", MAX_TEXT);
        limit(details.rollbackPlan(), "details.rollbackPlan", MAX_TEXT);
        limit(details.architecture(), "details.architecture", MAX_TEXT);
        limit(details.contactEmail(), "details.contactEmail", MAX_EMAIL);
        limit(details.stagingNotes(), "details.stagingNotes", MAX_TEXT);
        if (details.upgradeTimezone() != null && !details.upgradeTimezone().isBlank()) {
            limit(details.upgradeTimezone(), "details.upgradeTimezone", MAX_TIMEZONE);
            zoneOf(details.upgradeTimezone());
        }
    }

    /** The upgrade's moment in its timezone, or null while any of date, time and timezone is missing. */
    static Instant upgradeAt(UpgradeRequestDetails details) {
        if (details == null || details.upgradeDate() == null || details.upgradeTime() == null
                || details.upgradeTimezone() == null || details.upgradeTimezone().isBlank()) {
            return null;
        }
        return instantOf(details.upgradeDate(), details.upgradeTime(), details.upgradeTimezone());
    }

    /** T10: the moment a reschedule moves the upgrade to. */
    static Instant newUpgradeAt(RescheduleUpgradeCommand command) {
        if (command.upgradeDate() == null || command.upgradeTime() == null) {
            throw new IllegalArgumentException("upgradeDate, upgradeTime: required");
        }
        require(command.upgradeTimezone(), "upgradeTimezone", MAX_TIMEZONE);
        return instantOf(command.upgradeDate(), command.upgradeTime(), command.upgradeTimezone());
    }

    private static Instant instantOf(LocalDate date, LocalTime time, String timezone) {
        return ZonedDateTime.of(date, time, zoneOf(timezone)).toInstant();
    }

    private static ZoneId zoneOf(String timezone) {
        try {
            return ZoneId.of(timezone.strip());
        } catch (DateTimeException unknown) {
            throw new IllegalArgumentException("upgradeTimezone: not a known timezone, e.g. Europe/Berlin");
        }
    }
}
