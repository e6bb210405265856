package com.upgradecoordination.review.domain.upgrade;

import static com.upgradecoordination.review.api.InstanceCondition.LARGE_CI_PIPELINE_MESSAGES_TABLE;
import static com.upgradecoordination.review.api.InstanceCondition.LARGE_PIPELINE_VARIABLES_HISTORY;
import static com.upgradecoordination.review.api.InstanceCondition.LOTS_OF_USERS;
import static com.upgradecoordination.review.api.InstanceCondition.MULTIPLE_WEB_NODES;
import static com.upgradecoordination.review.api.InstanceCondition.NPM_PACKAGES_IN_REGISTRY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.upgradecoordination.review.api.InformationDeficiency;
import com.upgradecoordination.review.api.InformationDeficiency.Kind;
import com.upgradecoordination.review.api.InstanceCondition;
import com.upgradecoordination.review.api.UpgradeRequestDetails;
import com.upgradecoordination.review.catalog.UpgradeStopCatalogLoader;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class RequiredInformationCheckTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
    static final RequiredInformationCheck CHECK = new RequiredInformationCheck(UpgradeStopCatalogLoader.bundled());

    /** A complete request, changed field by field in the tests. */
    static final class Request {
        String currentVersion = "16.3.9";
        String targetVersion = "17.5.5";
        List<String> upgradePath = List.of("16.7.10", "16.11.10", "17.3.7", "17.5.5");
        Map<InstanceCondition, Boolean> instanceConditions = new HashMap<>(Map.of(LARGE_CI_PIPELINE_MESSAGES_TABLE, false));
        String upgradePlan = "Omnibus package upgrade node by node, following the zero-downtime steps";
        String rollbackPlan = "Restore the backup taken before the upgrade, with gitlab-secrets.json and gitlab.rb";
        String architecture = "3k reference architecture, Omnibus on Ubuntu 22.04";
        String contactEmail = "ops@acme.example";
        LocalDate upgradeDate = TODAY.plusDays(14);
        LocalTime upgradeTime = LocalTime.of(9, 0);
        String upgradeTimezone = "Europe/Berlin";
        String stagingNotes = "Simulated this upgrade in staging without issues";

        Request path(String... versions) {
            upgradePath = Arrays.asList(versions);
            return this;
        }

        Request versions(String current, String target) {
            currentVersion = current;
            targetVersion = target;
            return this;
        }

        Request answer(InstanceCondition condition, Boolean answer) {
            instanceConditions.put(condition, answer);
            return this;
        }

        UpgradeRequestDetails details() {
            return new UpgradeRequestDetails(currentVersion, targetVersion, upgradePath, instanceConditions,
                    upgradePlan, rollbackPlan, architecture, contactEmail, upgradeDate, upgradeTime, upgradeTimezone,
                    stagingNotes);
        }
    }

    static Request request() {
        return new Request();
    }

    static List<InformationDeficiency> check(Request request) {
        return CHECK.check(request.details(), TODAY);
    }

    static List<InformationDeficiency> check(Consumer<Request> change) {
        Request request = request();
        change.accept(request);
        return check(request);
    }

    static InformationDeficiency only(List<InformationDeficiency> deficiencies) {
        assertThat(deficiencies).hasSize(1);
        return deficiencies.get(0);
    }

    @Test
    void aCompleteRequestHasNoDeficiencies() {
        assertThat(check(request())).isEmpty();
    }

    @Test
    void theCheckNeedsTheCatalog() {
        assertThatThrownBy(() -> new RequiredInformationCheck(null)).isInstanceOf(NullPointerException.class);
    }

    @Nested
    class MissingFields {

        @ParameterizedTest(name = "{0} ''{1}'' is {2}")
        @CsvSource(nullValues = "null", value = {
            "currentVersion,  null, MISSING,          Add the GitLab version installed today",
            "currentVersion,  ' ',  MISSING,          Add the GitLab version installed today",
            "targetVersion,   null, MISSING,          Add the GitLab version to upgrade to",
            "targetVersion,   '',   MISSING,          Add the GitLab version to upgrade to",
            "upgradePlan,     null, MISSING,          Add the upgrade plan",
            "upgradePlan,     ' ',  MISSING,          Add the upgrade plan",
            "rollbackPlan,    null, NO_ROLLBACK_PLAN, 'Add a rollback plan, with a full backup including secrets and configuration files'",
            "rollbackPlan,    ' ',  NO_ROLLBACK_PLAN, 'Add a rollback plan, with a full backup including secrets and configuration files'",
            "architecture,    null, MISSING,          Add the current architecture documentation",
            "contactEmail,    '',   MISSING,          Add a point of contact (email preferred)",
            "upgradeTimezone, null, MISSING,          Add the upgrade's timezone"})
        void eachMissingFieldIsNamed(String field, String value, Kind kind, String message) {
            List<InformationDeficiency> deficiencies = check(r -> {
                switch (field) {
                    case "currentVersion" -> r.currentVersion = value;
                    case "targetVersion" -> r.targetVersion = value;
                    case "upgradePlan" -> r.upgradePlan = value;
                    case "rollbackPlan" -> r.rollbackPlan = value;
                    case "architecture" -> r.architecture = value;
                    case "contactEmail" -> r.contactEmail = value;
                    case "upgradeTimezone" -> r.upgradeTimezone = value;
                    default -> throw new IllegalArgumentException(field);
                }
            });
            assertThat(deficiencies).containsExactly(new InformationDeficiency(field, kind, message));
        }

        @ParameterizedTest
        @NullAndEmptySource
        void aMissingPathIsNamed(List<String> path) {
            assertThat(check(r -> r.upgradePath = path)).containsExactly(new InformationDeficiency("upgradePath",
                    Kind.MISSING, "Add the upgrade path: every version you will pass through, including the required "
                    + "upgrade stops"));
        }

        @Test
        void aMissingDateAndTimeAreNamed() {
            assertThat(check(r -> {
                r.upgradeDate = null;
                r.upgradeTime = null;
            })).containsExactly(new InformationDeficiency("upgradeDate", Kind.MISSING, "Add the upgrade date"),
                    new InformationDeficiency("upgradeTime", Kind.MISSING, "Add the upgrade's start time"));
        }

        @Test
        void theStagingNotesAreOptional() {
            assertThat(check(r -> r.stagingNotes = null)).isEmpty();
        }

        @Test
        void everythingMissingListsEveryField() {
            UpgradeRequestDetails empty = new UpgradeRequestDetails(null, null, null, null, null, null, null, null,
                    null, null, null, null);
            assertThat(CHECK.check(empty, TODAY)).extracting(InformationDeficiency::field).containsExactly(
                    "currentVersion", "targetVersion", "upgradePath", "upgradePlan", "rollbackPlan", "architecture",
                    "contactEmail", "upgradeDate", "upgradeTime", "upgradeTimezone");
        }
    }

    @Nested
    class UpgradeDate {

        @ParameterizedTest(name = "{0} days from today is accepted")
        @ValueSource(ints = {0, 1, 60})
        void todayOrLaterIsAccepted(int days) {
            assertThat(check(r -> r.upgradeDate = TODAY.plusDays(days))).isEmpty();
        }

        @Test
        void yesterdayIsInThePast() {
            assertThat(only(check(r -> r.upgradeDate = TODAY.minusDays(1)))).isEqualTo(new InformationDeficiency(
                    "upgradeDate", Kind.UPGRADE_DATE_IN_PAST,
                    "The upgrade date 2026-11-21 is in the past; give the planned date"));
        }
    }

    @Nested
    class Versions {

        @Test
        void anUnparsableCurrentVersionIsInvalidAndStopsThePathCheck() {
            assertThat(only(check(r -> r.currentVersion = "sixteen"))).isEqualTo(new InformationDeficiency(
                    "currentVersion", Kind.INVALID_VERSION, "Current version: 'sixteen' is not a GitLab version; "
                    + "write major.minor.patch or major.minor, e.g. 16.3.9 or 16.3"));
        }

        @Test
        void anUnparsableTargetVersionIsInvalid() {
            assertThat(only(check(r -> r.targetVersion = "17.5.x"))).isEqualTo(new InformationDeficiency(
                    "targetVersion", Kind.INVALID_VERSION, "Target version: '17.5.x' is not a GitLab version; "
                    + "write major.minor.patch or major.minor, e.g. 16.3.9 or 16.3"));
        }

        @Test
        void everyUnparsableStepOfThePathIsNamed() {
            assertThat(check(r -> r.path("16.7.10", "latest", "", "17.5.5"))).containsExactly(
                    new InformationDeficiency("upgradePath", Kind.INVALID_VERSION, "Step 2 of the upgrade path: "
                            + "'latest' is not a GitLab version; write major.minor.patch or major.minor, "
                            + "e.g. 16.3.9 or 16.3"),
                    new InformationDeficiency("upgradePath", Kind.INVALID_VERSION,
                            "Step 3 of the upgrade path is empty; give a version"));
        }

        @Test
        void anInvalidPathStillAsksAboutConditionalStops() {
            assertThat(check(r -> r.path("16.7.10", "later").answer(LARGE_CI_PIPELINE_MESSAGES_TABLE, null)))
                    .extracting(InformationDeficiency::kind)
                    .containsExactly(Kind.INVALID_VERSION, Kind.CONDITIONAL_STOP_UNANSWERED);
        }

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource({"16.3.9,16.3.9", "16.3.9,16.3.8", "17.0.0,16.11.10", "16.3,16.3.9"})
        void aTargetNotNewerThanTheCurrentVersionIsNamedOnce(String current, String target) {
            assertThat(only(check(r -> r.versions(current, target).path(target)))).isEqualTo(new InformationDeficiency(
                    "targetVersion", Kind.TARGET_NOT_NEWER, "The target version " + target + " is not newer than "
                    + "the current version " + current + "; give the version you are upgrading to"));
        }

        @Test
        void editionSuffixesAreAccepted() {
            assertThat(check(r -> r.versions("16.3.9-ee", "17.5.5-ee")
                    .path("16.7.10-ee", "16.11.10-ee", "17.3.7-ee", "17.5.5-ee"))).isEmpty();
        }
    }

    @Nested
    class SkippedStops {

        @Test
        void eachSkippedStopIsNamedWithTheCorrectPath() {
            assertThat(only(check(r -> r.path("16.7.10", "17.3.7", "17.5.5")))).isEqualTo(new InformationDeficiency(
                    "upgradePath", Kind.SKIPPED_UPGRADE_STOP, "Your upgrade path skips the required upgrade stop "
                    + "16.11.10: background migrations must finish there before the next step. The correct path "
                    + "from 16.3.9 to 17.5.5 is 16.7.10 -> 16.11.10 -> 17.3.7 -> 17.5.5."));
        }

        @Test
        void goingStraightToTheTargetSkipsEveryStop() {
            assertThat(check(r -> r.path("17.5.5"))).extracting(InformationDeficiency::message)
                    .allSatisfy(message -> assertThat(message).endsWith(
                            "The correct path from 16.3.9 to 17.5.5 is 16.7.10 -> 16.11.10 -> 17.3.7 -> 17.5.5."))
                    .map(message -> message.substring(0, message.indexOf(':')))
                    .containsExactly("Your upgrade path skips the required upgrade stop 16.7.10",
                            "Your upgrade path skips the required upgrade stop 16.11.10",
                            "Your upgrade path skips the required upgrade stop 17.3.7");
        }

        @Test
        void anyPatchOfAStopsMinorPassesIt() {
            assertThat(check(r -> r.path("16.7.2", "16.11", "17.3.1", "17.5.5"))).isEmpty();
        }

        @Test
        void aConditionalStopAnsweredTrueIsRequired() {
            InformationDeficiency skipped = only(check(r -> r.answer(LARGE_CI_PIPELINE_MESSAGES_TABLE, true)));
            assertThat(skipped.kind()).isEqualTo(Kind.SKIPPED_UPGRADE_STOP);
            assertThat(skipped.message()).startsWith("Your upgrade path skips the required upgrade stop 17.1.8:")
                    .endsWith("is 16.7.10 -> 16.11.10 -> 17.1.8 -> 17.3.7 -> 17.5.5.");
            assertThat(check(r -> r.answer(LARGE_CI_PIPELINE_MESSAGES_TABLE, true)
                    .path("16.7.10", "16.11.10", "17.1.8", "17.3.7", "17.5.5"))).isEmpty();
        }

        @Test
        void aConditionalStopAnsweredFalseMayBeLeftOutOrPassed() {
            assertThat(check(request())).isEmpty();
            assertThat(check(r -> r.path("16.7.10", "16.11.10", "17.1.8", "17.3.7", "17.5.5"))).isEmpty();
        }

        @Test
        void theCorrectPathMentionsConditionalStopsStillOpen() {
            List<InformationDeficiency> deficiencies = check(r -> r.answer(LARGE_CI_PIPELINE_MESSAGES_TABLE, null)
                    .path("16.7.10", "17.3.7", "17.5.5"));
            assertThat(deficiencies).extracting(InformationDeficiency::kind)
                    .containsExactly(Kind.SKIPPED_UPGRADE_STOP, Kind.CONDITIONAL_STOP_UNANSWERED);
            assertThat(deficiencies.get(0).message()).endsWith("The correct path from 16.3.9 to 17.5.5 is 16.7.10 -> "
                    + "16.11.10 -> 17.3.7 -> 17.5.5, plus 17.1.8 if your answers to our questions show it applies.");
        }

        @Test
        void scheduledStopsFrom17_5OnAreRequired() {
            InformationDeficiency skipped = only(check(r -> r.versions("17.3.7", "18.5.1")
                    .path("17.5.5", "17.8.7", "17.11.7", "18.5.1")));
            assertThat(skipped).isEqualTo(new InformationDeficiency("upgradePath", Kind.SKIPPED_UPGRADE_STOP,
                    "Your upgrade path skips the required upgrade stop 18.2 (latest patch): background migrations "
                    + "must finish there before the next step. The correct path from 17.3.7 to 18.5.1 is 17.5.5 -> "
                    + "17.8.7 -> 17.11.7 -> 18.2 -> 18.5.1."));
            assertThat(check(r -> r.versions("17.3.7", "18.5.1")
                    .path("17.5.5", "17.8.7", "17.11.7", "18.2.6", "18.5.1"))).isEmpty();
        }

        // The docs go 14.0.12 -> 14.3.6 -> 14.9.5 -> 14.10.5 -> 15.0.5 -> 15.1.6 -> 15.4.6 -> 15.11.11 -> 16.1.
        // Our catalog starts at 15.0.5, so the 14.x steps are neither required nor refused; the docs' own path,
        // with 15.11.11 standing for the 15.11 stop, passes for an instance with multiple web nodes.
        @Test
        void theDocsWorkedExamplePathPassesFrom15_0_5OnWith15_11_11ForThe15_11Stop() {
            Request docs = request().versions("14.0.12", "16.1")
                    .path("14.3.6", "14.9.5", "14.10.5", "15.0.5", "15.1.6", "15.4.6", "15.11.11", "16.1")
                    .answer(MULTIPLE_WEB_NODES, true).answer(LOTS_OF_USERS, false)
                    .answer(LARGE_PIPELINE_VARIABLES_HISTORY, false);
            assertThat(check(docs)).isEmpty();

            // Unanswered, 16.0.10 is asked about; 15.1.6 is on the path anyway, so it is not.
            Request unanswered = request().versions("14.0.12", "16.1")
                    .path("14.3.6", "14.9.5", "14.10.5", "15.0.5", "15.1.6", "15.4.6", "15.11.11", "16.1");
            unanswered.instanceConditions = Map.of();
            assertThat(only(check(unanswered))).isEqualTo(new InformationDeficiency("instanceConditions",
                    Kind.CONDITIONAL_STOP_UNANSWERED, "The upgrade stop 16.0.10 is required for instances with lots "
                    + "of users or a large pipeline variables history. Does your instance have a large number of "
                    + "users? Does your instance hold a large history of CI/CD pipeline variables (the "
                    + "ci_pipeline_variables table)?"));

            // Without 15.1.6 the same instance skips a stop it needs.
            Request withoutWebNodeStop = request().versions("14.0.12", "16.1")
                    .path("14.3.6", "14.9.5", "14.10.5", "15.0.5", "15.4.6", "15.11.11", "16.1")
                    .answer(MULTIPLE_WEB_NODES, true).answer(LOTS_OF_USERS, false)
                    .answer(LARGE_PIPELINE_VARIABLES_HISTORY, false);
            assertThat(only(check(withoutWebNodeStop)).message())
                    .startsWith("Your upgrade path skips the required upgrade stop 15.1.6:")
                    .endsWith("The correct path from 14.0.12 to 16.1 is 15.0.5 -> 15.1.6 -> 15.4.6 -> 15.11.13 -> 16.1.");
        }
    }

    @Nested
    class ConditionalQuestions {

        @ParameterizedTest(name = "{0} unanswered on {1} -> {2}")
        @CsvSource({
            "MULTIPLE_WEB_NODES,               15.0.5,   15.4.6,  15.1.6",
            "NPM_PACKAGES_IN_REGISTRY,         16.0.10,  16.2.11, 16.1.8",
            "LARGE_PIPELINE_VARIABLES_HISTORY, 16.1.8,   16.3.9,  16.2.11",
            "LARGE_CI_PIPELINE_MESSAGES_TABLE, 16.11.10, 17.3.7,  17.1.8"})
        void oneQuestionPerUnansweredConditionalStop(InstanceCondition condition, String current, String target,
                                                      String stop) {
            Request request = request().versions(current, target).path(target);
            request.instanceConditions = new HashMap<>();
            InformationDeficiency question = only(check(request));
            assertThat(question.field()).isEqualTo("instanceConditions");
            assertThat(question.kind()).isEqualTo(Kind.CONDITIONAL_STOP_UNANSWERED);
            assertThat(question.message()).startsWith("The upgrade stop " + stop + " is required for instances with ")
                    .endsWith("?");

            assertThat(check(request.answer(condition, false))).isEmpty();
            assertThat(only(check(request.answer(condition, true))).kind()).isEqualTo(Kind.SKIPPED_UPGRADE_STOP);
            assertThat(check(request.path(stop, target))).isEmpty();
        }

        @Test
        void theStopWithTwoConditionsIsAskedAboutUntilOneIsTrueOrBothAreFalse() {
            Request request = request().versions("15.11.13", "16.1.8").path("16.1.8");
            request.instanceConditions = new HashMap<>();
            assertThat(only(check(request)).message()).contains("Does your instance have a large number of users?")
                    .contains("ci_pipeline_variables");
            assertThat(only(check(request.answer(LOTS_OF_USERS, false))).message())
                    .doesNotContain("large number of users?").contains("ci_pipeline_variables");
            assertThat(check(request.answer(LARGE_PIPELINE_VARIABLES_HISTORY, false))).isEmpty();
            assertThat(only(check(request.answer(LOTS_OF_USERS, true))).kind()).isEqualTo(Kind.SKIPPED_UPGRADE_STOP);
        }

        @Test
        void everyConditionalStopOnAPathIsAskedAboutOnce() {
            Request request = request().versions("14.10.5", "17.4.1").path("15.0.5", "15.4.6", "15.11.13", "16.3.9",
                    "16.7.10", "16.11.10", "17.3.7", "17.4.1");
            request.instanceConditions = null;
            assertThat(check(request)).allSatisfy(d -> assertThat(d.kind()).isEqualTo(Kind.CONDITIONAL_STOP_UNANSWERED))
                    .extracting(d -> d.message().split(" ")[3])
                    .containsExactly("15.1.6", "16.0.10", "16.1.8", "16.2.11", "17.1.8");
        }
    }

    @Nested
    class PathShape {

        @Test
        void aPathThatDoesNotEndAtTheTargetIsInvalid() {
            assertThat(only(check(r -> r.path("16.7.10", "16.11.10", "17.3.7")))).isEqualTo(new InformationDeficiency(
                    "upgradePath", Kind.INVALID_UPGRADE_PATH,
                    "Your upgrade path ends at 17.3.7, not at the target version 17.5.5; end it at the target"));
        }

        @Test
        void aPathThatGoesBeyondTheTargetIsInvalid() {
            assertThat(only(check(r -> r.path("16.7.10", "16.11.10", "17.3.7", "17.5.5", "17.8.7"))))
                    .isEqualTo(new InformationDeficiency("upgradePath", Kind.INVALID_UPGRADE_PATH,
                            "Your upgrade path goes to 17.8.7, beyond the target version 17.5.5"));
        }

        @Test
        void aPathThatGoesDownOrRepeatsIsInvalid() {
            assertThat(check(r -> r.path("16.7.10", "16.11.10", "16.7.10", "17.3.7", "17.3.7", "17.5.5")))
                    .containsExactly(
                            new InformationDeficiency("upgradePath", Kind.INVALID_UPGRADE_PATH, "Your upgrade path "
                                    + "must go up one version after the other: 16.7.10 follows 16.11.10"),
                            new InformationDeficiency("upgradePath", Kind.INVALID_UPGRADE_PATH, "Your upgrade path "
                                    + "must go up one version after the other: 17.3.7 follows 17.3.7"));
        }

        @Test
        void aPathStepNotNewerThanTheCurrentVersionIsInvalid() {
            assertThat(only(check(r -> r.path("16.2.11", "16.7.10", "16.11.10", "17.3.7", "17.5.5"))))
                    .isEqualTo(new InformationDeficiency("upgradePath", Kind.INVALID_UPGRADE_PATH,
                            "Your upgrade path lists 16.2.11, which is not newer than your current version 16.3.9"));
        }

        @Test
        void aPathMayStartAtTheCurrentVersion() {
            assertThat(check(r -> r.path("16.3.9", "16.7.10", "16.11.10", "17.3.7", "17.5.5"))).isEmpty();
        }

        @Test
        void aTargetWithoutPatchIsReachedByAnyOfItsPatches() {
            assertThat(check(r -> r.versions("17.3.7", "18.5").path("17.5.5", "17.8.7", "17.11.7", "18.2.6",
                    "18.5.3"))).isEmpty();
            assertThat(check(r -> r.versions("17.3.7", "18.5.1").path("17.5.5", "17.8.7", "17.11.7", "18.2.6",
                    "18.5"))).isEmpty();
        }

        @Test
        void aTargetWithAPatchIsNotReachedByAnotherPatch() {
            assertThat(only(check(r -> r.versions("17.3.7", "18.5.1").path("17.5.5", "17.8.7", "17.11.7", "18.2.6",
                    "18.5.0")))).extracting(InformationDeficiency::message)
                    .isEqualTo("Your upgrade path ends at 18.5.0, not at the target version 18.5.1; end it at the target");
        }
    }

    @Test
    void deficienciesAreListedVersionsFirstThenTheRestOfTheRequest() {
        List<InformationDeficiency> deficiencies = check(r -> {
            r.path("17.5.5");
            r.rollbackPlan = null;
            r.upgradeDate = TODAY.minusDays(3);
        });
        List<Kind> kinds = new ArrayList<>(deficiencies.stream().map(InformationDeficiency::kind).toList());
        assertThat(kinds).containsExactly(Kind.SKIPPED_UPGRADE_STOP, Kind.SKIPPED_UPGRADE_STOP,
                Kind.SKIPPED_UPGRADE_STOP, Kind.NO_ROLLBACK_PLAN, Kind.UPGRADE_DATE_IN_PAST);
    }
}
