package com.upgradecoordination.review.domain.upgrade;

import com.upgradecoordination.review.api.InformationDeficiency;
import com.upgradecoordination.review.api.InformationDeficiency.Kind;
import com.upgradecoordination.review.api.InstanceCondition;
import com.upgradecoordination.review.api.UpgradeRequestDetails;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Support's required-information check of an Upgrade Assistance request (SPEC T4): what is missing
 * or wrong, in the words sent to the customer. An empty answer means the request is complete.
 *
 * <p>The stated upgrade path is checked against the {@link UpgradeStopCatalog}: a required stop is
 * passed by any patch of its minor; a conditional stop whose condition is unanswered is asked about
 * (unless the path passes it anyway), never assumed either way.
 */
public class RequiredInformationCheck {

    private final UpgradeStopCatalog upgradeStops;

    public RequiredInformationCheck(UpgradeStopCatalog upgradeStops) {
        this.upgradeStops = Objects.requireNonNull(upgradeStops, "upgradeStops");
    }

    public List<InformationDeficiency> check(UpgradeRequestDetails details, LocalDate today) {
        List<InformationDeficiency> deficiencies = new ArrayList<>();
        Optional<GitLabVersion> current = version(details.currentVersion(), "currentVersion",
                "the GitLab version installed today", "Current version", deficiencies);
        Optional<GitLabVersion> target = version(details.targetVersion(), "targetVersion",
                "the GitLab version to upgrade to", "Target version", deficiencies);
        Optional<List<GitLabVersion>> statedPath = statedPath(details.upgradePath(), deficiencies);
        if (current.isPresent() && target.isPresent()) {
            if (target.get().isNewerThan(current.get())) {
                checkPath(current.get(), target.get(), statedPath, answers(details), deficiencies);
            } else {
                deficiencies.add(new InformationDeficiency("targetVersion", Kind.TARGET_NOT_NEWER,
                        "The target version " + target.get() + " is not newer than the current version "
                                + current.get() + "; give the version you are upgrading to"));
            }
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
        return List.copyOf(deficiencies);
    }

    private static Optional<GitLabVersion> version(String text, String field, String what, String named,
                                                   List<InformationDeficiency> into) {
        if (isBlank(text)) {
            into.add(new InformationDeficiency(field, Kind.MISSING, "Add " + what));
            return Optional.empty();
        }
        try {
            return Optional.of(GitLabVersion.parse(text));
        } catch (IllegalArgumentException invalid) {
            into.add(new InformationDeficiency(field, Kind.INVALID_VERSION, named + ": " + invalid.getMessage()));
            return Optional.empty();
        }
    }

    /** The stated path's versions, or empty if it is missing or any entry is not a version. */
    private static Optional<List<GitLabVersion>> statedPath(List<String> path, List<InformationDeficiency> into) {
        if (path == null || path.isEmpty()) {
            into.add(new InformationDeficiency("upgradePath", Kind.MISSING,
                    "Add the upgrade path: every version you will pass through, including the required upgrade stops"));
            return Optional.empty();
        }
        List<GitLabVersion> versions = new ArrayList<>();
        boolean valid = true;
        for (int i = 0; i < path.size(); i++) {
            String entry = path.get(i);
            if (isBlank(entry)) {
                into.add(new InformationDeficiency("upgradePath", Kind.INVALID_VERSION,
                        "Step " + (i + 1) + " of the upgrade path is empty; give a version"));
                valid = false;
                continue;
            }
            try {
                versions.add(GitLabVersion.parse(entry));
            } catch (IllegalArgumentException invalid) {
                into.add(new InformationDeficiency("upgradePath", Kind.INVALID_VERSION,
                        "Step " + (i + 1) + " of the upgrade path: " + invalid.getMessage()));
                valid = false;
            }
        }
        return valid ? Optional.of(versions) : Optional.empty();
    }

    private static Map<InstanceCondition, Boolean> answers(UpgradeRequestDetails details) {
        return details.instanceConditions() == null ? Map.of() : details.instanceConditions();
    }

    private void checkPath(GitLabVersion current, GitLabVersion target, Optional<List<GitLabVersion>> statedPath,
                           Map<InstanceCondition, Boolean> answers, List<InformationDeficiency> into) {
        UpgradePath correct = upgradeStops.path(current, target, answers);
        List<GitLabVersion> stated = statedPath.orElse(List.of());
        if (statedPath.isPresent()) {
            checkShape(current, target, stated, into);
            for (UpgradeStop stop : correct.stops()) {
                if (stated.stream().noneMatch(step -> step.sameMinorAs(stop.version()))) {
                    into.add(new InformationDeficiency("upgradePath", Kind.SKIPPED_UPGRADE_STOP,
                            "Your upgrade path skips the required upgrade stop " + stop.describe()
                                    + ": background migrations must finish there before the next step. "
                                    + correctPath(correct)));
                }
            }
        }
        for (ConditionalStopQuestion question : correct.questions()) {
            // A path that passes the stop anyway needs no answer.
            if (stated.stream().noneMatch(step -> step.sameMinorAs(question.stop().version()))) {
                into.add(new InformationDeficiency("instanceConditions", Kind.CONDITIONAL_STOP_UNANSWERED,
                        question.message()));
            }
        }
    }

    /** Goes up from the current version, one version after the other, and ends at the target. */
    private static void checkShape(GitLabVersion current, GitLabVersion target, List<GitLabVersion> stated,
                                   List<InformationDeficiency> into) {
        GitLabVersion previous = null;
        for (GitLabVersion step : stated) {
            boolean startsAtCurrent = previous == null && step.equals(current);
            if (!step.isNewerThan(current) && !startsAtCurrent) {
                into.add(invalidPath("Your upgrade path lists " + step + ", which is not newer than your current "
                        + "version " + current));
            } else if (previous != null && !step.isNewerThan(previous)) {
                into.add(invalidPath("Your upgrade path must go up one version after the other: " + step
                        + " follows " + previous));
            } else if (step.isNewerThan(target) && !step.matches(target)) {
                into.add(invalidPath("Your upgrade path goes to " + step + ", beyond the target version " + target));
            }
            previous = step;
        }
        GitLabVersion last = stated.get(stated.size() - 1);
        if (!last.matches(target) && !last.isNewerThan(target)) {
            into.add(invalidPath("Your upgrade path ends at " + last + ", not at the target version " + target
                    + "; end it at the target"));
        }
    }

    private static InformationDeficiency invalidPath(String message) {
        return new InformationDeficiency("upgradePath", Kind.INVALID_UPGRADE_PATH, message);
    }

    private static String correctPath(UpgradePath correct) {
        String path = "The correct path from " + correct.from() + " to " + correct.to() + " is " + correct.describe();
        if (correct.questions().isEmpty()) {
            return path + ".";
        }
        return path + ", plus " + correct.questions().stream().map(q -> q.stop().describe())
                .collect(Collectors.joining(", ")) + " if your answers to our questions show "
                + (correct.questions().size() == 1 ? "it applies" : "they apply") + ".";
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
