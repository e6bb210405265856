package com.upgradecoordination.review.domain.upgrade;

import com.upgradecoordination.review.api.InformationDeficiency;
import com.upgradecoordination.review.api.InformationDeficiency.Kind;
import com.upgradecoordination.review.api.UpgradeRequestDetails;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Support's required-information check of an Upgrade Assistance request (SPEC T4): what is missing
 * or wrong, in the words sent to the customer. An empty answer means the request is complete.
 */
public class RequiredInformationCheck {

    public List<InformationDeficiency> check(UpgradeRequestDetails details, LocalDate today) {
        List<InformationDeficiency> deficiencies = new ArrayList<>();
        requirePresent(details.currentVersion(), "currentVersion", "the GitLab version installed today", deficiencies);
        requirePresent(details.targetVersion(), "targetVersion", "the GitLab version to upgrade to", deficiencies);
        if (details.upgradePath() == null || details.upgradePath().isEmpty()) {
            deficiencies.add(new InformationDeficiency("upgradePath", Kind.MISSING,
                    "Add the upgrade path: every version you will pass through, including the required upgrade stops"));
        }
        requirePresent(details.upgradePlan(), "upgradePlan", "the upgrade plan", deficiencies);
        if (isBlank(details.rollbackPlan())) {
            deficiencies.add(new InformationDeficiency("rollbackPlan", Kind.NO_ROLLBACK_PLAN,
                    "Add a rollback plan, with a full backup including secrets and configuration files"));
        }
        requirePresent(details.architecture(), "architecture", "the current architecture documentation", deficiencies);
        requirePresent(details.contactEmail(), "contactEmail", "a point of contact (email preferred)", deficiencies);
        if (details.upgradeDate() == null) {
            deficiencies.add(new InformationDeficiency("upgradeDate", Kind.MISSING, "Add the upgrade date"));
        } else if (details.upgradeDate().isBefore(today)) {
            deficiencies.add(new InformationDeficiency("upgradeDate", Kind.UPGRADE_DATE_IN_PAST,
                    "The upgrade date " + details.upgradeDate() + " is in the past; give the planned date"));
        }
        if (details.upgradeTime() == null) {
            deficiencies.add(new InformationDeficiency("upgradeTime", Kind.MISSING, "Add the upgrade's start time"));
        }
        requirePresent(details.upgradeTimezone(), "upgradeTimezone", "the upgrade's timezone", deficiencies);
        // The version comparison and the upgrade-stop check of the path follow (upgrade-stops catalog).
        return List.copyOf(deficiencies);
    }

    private static void requirePresent(String value, String field, String what, List<InformationDeficiency> into) {
        if (isBlank(value)) {
            into.add(new InformationDeficiency(field, Kind.MISSING, "Add " + what));
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
