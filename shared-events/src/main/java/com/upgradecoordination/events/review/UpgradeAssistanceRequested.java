package com.upgradecoordination.events.review;

import com.upgradecoordination.events.EventContract;
import com.upgradecoordination.events.PersonalData;
import com.upgradecoordination.events.Topics;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;

/**
 * A customer asked Support for Upgrade Assistance (SPEC T1). The ticket's events share this
 * {@code ticketId}; {@code engagementId} is null when the request names no engagement (the case
 * id is then the ticket id).
 *
 * @param form     STANDARD or US_GOVERNMENT
 * @param priority always HIGH
 */
@EventContract(type = "UpgradeAssistanceRequested", version = 1, topic = Topics.REVIEW)
public record UpgradeAssistanceRequested(
        String ticketId,
        String engagementId,
        String form,
        String priority,
        String organisation,
        String currentVersion,
        String targetVersion,
        LocalDate upgradeDate,
        LocalTime upgradeTime,
        String upgradeTimezone,
        Instant upgradeAt,
        @PersonalData String contactEmail) {
}
