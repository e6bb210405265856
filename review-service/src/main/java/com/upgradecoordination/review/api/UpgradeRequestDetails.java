package com.upgradecoordination.review.api;

import com.upgradecoordination.events.PersonalData;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

/**
 * What an Upgrade Assistance request carries (reference/support-facts.md). Any field may be
 * missing when the customer first writes; the required-information check lists what is.
 *
 * @param currentVersion     the installed GitLab version, e.g. {@code 16.3.9}
 * @param targetVersion      the version to upgrade to
 * @param upgradePath        the versions the customer plans to pass through, in order, ending at the target
 * @param instanceConditions the customer's answers about conditional upgrade stops; an absent key is unanswered
 * @param upgradeTimezone    an IANA zone id, e.g. {@code Europe/Berlin}
 * @param contactEmail       the customer's point of contact
 */
public record UpgradeRequestDetails(
        String currentVersion,
        String targetVersion,
        List<String> upgradePath,
        Map<InstanceCondition, Boolean> instanceConditions,
        String upgradePlan,
        String rollbackPlan,
        String architecture,
        @PersonalData String contactEmail,
        LocalDate upgradeDate,
        LocalTime upgradeTime,
        String upgradeTimezone,
        String stagingNotes) {
}
