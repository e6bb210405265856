package com.upgradecoordination.review.domain.upgrade;

import static com.upgradecoordination.review.api.InstanceCondition.LARGE_CI_PIPELINE_MESSAGES_TABLE;
import static com.upgradecoordination.review.api.InstanceCondition.LARGE_PIPELINE_VARIABLES_HISTORY;
import static com.upgradecoordination.review.api.InstanceCondition.LOTS_OF_USERS;
import static com.upgradecoordination.review.api.InstanceCondition.MULTIPLE_WEB_NODES;
import static com.upgradecoordination.review.api.InstanceCondition.NPM_PACKAGES_IN_REGISTRY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.upgradecoordination.review.api.InstanceCondition;
import com.upgradecoordination.review.catalog.UpgradeStopCatalogLoader;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** Upgrade paths from the bundled catalog (reference/upgrade-stops.md). */
class UpgradePathTest {

    static final UpgradeStopCatalog CATALOG = UpgradeStopCatalogLoader.bundled();

    static UpgradePath path(String from, String to, Map<InstanceCondition, Boolean> answers) {
        return CATALOG.path(GitLabVersion.parse(from), GitLabVersion.parse(to), answers);
    }

    static List<String> versions(UpgradePath path) {
        return path.versions().stream().map(GitLabVersion::toString).toList();
    }

    static List<String> asked(UpgradePath path) {
        return path.questions().stream().map(q -> q.stop().version().toString()).toList();
    }

    static Map<InstanceCondition, Boolean> all(boolean answer) {
        Map<InstanceCondition, Boolean> answers = new EnumMap<>(InstanceCondition.class);
        Arrays.stream(InstanceCondition.values()).forEach(c -> answers.put(c, answer));
        return answers;
    }

    @Nested
    class TheDocsWorkedExample {

        // The docs go 14.0.12 -> 14.3.6 -> 14.9.5 -> 14.10.5 -> 15.0.5 -> 15.1.6 -> 15.4.6 -> 15.11.11 -> 16.1.
        // Our catalog's table starts at 15.0.5, so the 14.x stops are not in our data: the path we compute
        // starts at 15.0.5 and says so in a note. From 15.0.5 on it is the docs' path; 15.11.13 is the latest
        // patch of the stop the docs' older example wrote as 15.11.11. The docs' example passes 15.1.6 (an
        // instance with multiple web nodes) and not 16.0.10, so those are the answers given here.
        @Test
        void from14_0_12To16_1OurDataGivesTheDocsPathFrom15_0_5OnAndNotesTheUnlisted14xStops() {
            Map<InstanceCondition, Boolean> answers = Map.of(MULTIPLE_WEB_NODES, true, LOTS_OF_USERS, false,
                    LARGE_PIPELINE_VARIABLES_HISTORY, false);
            UpgradePath path = path("14.0.12", "16.1", answers);

            assertThat(versions(path)).containsExactly("15.0.5", "15.1.6", "15.4.6", "15.11.13", "16.1");
            assertThat(path.describe()).isEqualTo("15.0.5 -> 15.1.6 -> 15.4.6 -> 15.11.13 -> 16.1");
            assertThat(path.questions()).isEmpty();
            assertThat(path.notes()).containsExactly("The catalog lists required stops from 15.0.5 on; stops before "
                    + "it are not included in this path. Check the upgrade path documentation for them.");
        }

        @Test
        void from14_0_12To16_1WithNothingAnsweredAsksAbout15_1_6And16_0_10() {
            UpgradePath path = path("14.0.12", "16.1", Map.of());

            assertThat(versions(path)).containsExactly("15.0.5", "15.4.6", "15.11.13", "16.1");
            assertThat(asked(path)).containsExactly("15.1.6", "16.0.10");
            // 16.1.8 is the target's own minor: the target passes it.
            assertThat(asked(path)).doesNotContain("16.1.8");
        }
    }

    @Nested
    class ConditionalStops {

        @ParameterizedTest(name = "{0} for {1}: unanswered is asked, true is on the path, false is left out")
        @CsvSource({
            "15.1.6,   MULTIPLE_WEB_NODES,               15.0.5,  15.4.6",
            "16.0.10,  LOTS_OF_USERS,                    15.11.13, 16.1.0",
            "16.0.10,  LARGE_PIPELINE_VARIABLES_HISTORY, 15.11.13, 16.1.0",
            "16.1.8,   NPM_PACKAGES_IN_REGISTRY,         16.0.10, 16.2.11",
            "16.2.11,  LARGE_PIPELINE_VARIABLES_HISTORY, 16.1.8,  16.3.9",
            "17.1.8,   LARGE_CI_PIPELINE_MESSAGES_TABLE, 16.11.10, 17.3.7"})
        void everyConditionalStop(String stop, InstanceCondition condition, String from, String to) {
            UpgradePath unanswered = path(from, to, Map.of());
            assertThat(versions(unanswered)).containsExactly(to);
            assertThat(unanswered.questions()).singleElement().satisfies(question -> {
                assertThat(question.stop().version()).hasToString(stop);
                assertThat(question.unanswered()).contains(condition);
                assertThat(question.message()).startsWith("The upgrade stop " + stop + " is required for instances with ")
                        .contains(CATALOG.wording(condition).instancesWith())
                        .contains(CATALOG.wording(condition).question())
                        .endsWith("?");
            });

            UpgradePath yes = path(from, to, Map.of(condition, true));
            assertThat(versions(yes)).containsExactly(stop, to);
            assertThat(yes.questions()).isEmpty();

            // 16.0.10 has two conditions: false for one leaves it open until the other is answered too.
            Map<InstanceCondition, Boolean> no = new HashMap<>();
            CATALOG.stops().stream().filter(s -> s.version().toString().equals(stop)).findFirst().orElseThrow()
                    .requiredFor().forEach(c -> no.put(c, false));
            UpgradePath leftOut = path(from, to, no);
            assertThat(versions(leftOut)).containsExactly(to);
            assertThat(leftOut.questions()).isEmpty();
        }

        @Test
        void theCatalogHasExactlyTheDocumentedConditionalStops() {
            Map<String, List<InstanceCondition>> conditional = new HashMap<>();
            CATALOG.stops().stream().filter(UpgradeStop::isConditional)
                    .forEach(s -> conditional.put(s.version().toString(), s.requiredFor()));
            assertThat(conditional).containsOnly(
                    Map.entry("15.1.6", List.of(MULTIPLE_WEB_NODES)),
                    Map.entry("16.0.10", List.of(LOTS_OF_USERS, LARGE_PIPELINE_VARIABLES_HISTORY)),
                    Map.entry("16.1.8", List.of(NPM_PACKAGES_IN_REGISTRY)),
                    Map.entry("16.2.11", List.of(LARGE_PIPELINE_VARIABLES_HISTORY)),
                    Map.entry("17.1.8", List.of(LARGE_CI_PIPELINE_MESSAGES_TABLE)));
        }

        @Test
        void aStopWithTwoConditionsAsksOnlyWhatIsStillOpen() {
            UpgradePath path = path("15.11.13", "16.1.0", Map.of(LOTS_OF_USERS, false));
            assertThat(path.questions()).singleElement().satisfies(question -> {
                assertThat(question.unanswered()).containsExactly(LARGE_PIPELINE_VARIABLES_HISTORY);
                assertThat(question.message()).isEqualTo("The upgrade stop 16.0.10 is required for instances with "
                        + "lots of users or a large pipeline variables history. Does your instance hold a large "
                        + "history of CI/CD pipeline variables (the ci_pipeline_variables table)?");
            });
        }

        @Test
        void oneAnswerCanSettleSeveralStops() {
            UpgradePath path = path("15.11.13", "16.3.9", Map.of(LARGE_PIPELINE_VARIABLES_HISTORY, true));
            assertThat(versions(path)).containsExactly("16.0.10", "16.2.11", "16.3.9");
            assertThat(asked(path)).containsExactly("16.1.8");
        }

        @Test
        void aNullAnswerIsUnanswered() {
            Map<InstanceCondition, Boolean> answers = new HashMap<>();
            answers.put(MULTIPLE_WEB_NODES, null);
            assertThat(asked(path("15.0.5", "15.4.6", answers))).containsExactly("15.1.6");
            assertThat(asked(path("15.0.5", "15.4.6", null))).containsExactly("15.1.6");
        }
    }

    @Nested
    class ScheduledStops {

        @Test
        void from16_3_9To18_5_1PassesTheScheduledStopsOfTheLatestPatch() {
            UpgradePath path = path("16.3.9", "18.5.1", Map.of());
            assertThat(versions(path)).containsExactly("16.7.10", "16.11.10", "17.3.7", "17.5.5", "17.8.7",
                    "17.11.7", "18.2", "18.5.1");
            assertThat(asked(path)).containsExactly("17.1.8");
            assertThat(path.stops().get(6).describe()).isEqualTo("18.2 (latest patch)");
            assertThat(path.notes()).isEmpty();
        }

        @ParameterizedTest(name = "{0} -> {1}: {2}")
        @CsvSource(delimiter = '|', value = {
            "17.3.7  | 18.0.0  | 17.5.5 17.8.7 17.11.7 18.0.0",
            "17.11.7 | 18.11.3 | 18.2 18.5 18.8 18.11.3",
            "18.2.1  | 18.9    | 18.5 18.8 18.9",
            "18.5.0  | 18.6.1  | 18.6.1",
            "17.5.0  | 17.8.0  | 17.8.0"})
        void from17_5OnStopsAreAtX2X5X8X11(String from, String to, String expected) {
            assertThat(versions(path(from, to, all(false)))).containsExactly(expected.split(" "));
        }

        @Test
        void afterTheLastListedStopTheScheduleRuleApplies() {
            UpgradePath path = path("18.9.2", "19.6.0", Map.of());
            assertThat(versions(path)).containsExactly("18.11", "19.2", "19.5", "19.6.0");
            assertThat(path.notes()).singleElement().asString()
                    .startsWith("Stops after 18.11 follow the rule that from 17.5 on stops are scheduled at minors "
                            + "[2, 5, 8, 11]");
            assertThat(path("18.11.1", "19.1.0", Map.of()).notes()).isEmpty();
        }

        @Test
        void theListedScheduledStopsAre18_2To18_11() {
            assertThat(CATALOG.stops()).extracting(s -> s.version().toString())
                    .endsWith("17.5.5", "17.8.7", "17.11.7", "18.2", "18.5", "18.8", "18.11");
            assertThat(CATALOG.scheduledFrom()).hasToString("17.5");
            assertThat(CATALOG.scheduledMinors()).containsExactlyInAnyOrder(2, 5, 8, 11);
        }
    }

    @Nested
    class Boundaries {

        @ParameterizedTest(name = "{0} -> {1} is refused")
        @CsvSource({"16.3.9,16.3.9", "16.3.9,16.3.8", "17.0.0,16.11.10", "16.3,16.3.9", "16.3,16.3"})
        void aTargetNotNewerThanTheCurrentVersionIsRefused(String from, String to) {
            assertThatThrownBy(() -> path(from, to, Map.of())).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("the target version " + to + " is not newer than the current version " + from);
        }

        @ParameterizedTest(name = "{0} -> {1}: {2}")
        @CsvSource(delimiter = '|', value = {
            // a patch upgrade within a minor passes no stop
            "16.3.5   | 16.3.9  | 16.3.9",
            // the current minor counts as passed even below the stop's patch
            "16.3.0   | 16.8.1  | 16.7.10 16.8.1",
            // the target's minor is reached by the target itself
            "16.3.9   | 16.7.10 | 16.7.10",
            "16.3.9   | 16.7.2  | 16.7.2",
            "16.2.0   | 16.4.1  | 16.3.9 16.4.1",
            "16.3.9   | 16.3    | 16.3",
            "15.0.5   | 18.11.2 | 15.4.6 15.11.13 16.3.9 16.7.10 16.11.10 17.3.7 17.5.5 17.8.7 17.11.7 18.2 18.5 18.8 18.11.2"})
        void morePaths(String from, String to, String expected) {
            assertThat(versions(path(from, to, all(false)))).containsExactly(expected.split(" "));
        }

        @Test
        void everyConditionTrueGivesEveryStop() {
            assertThat(versions(path("14.10.5", "17.4.0", all(true)))).containsExactly("15.0.5", "15.1.6", "15.4.6",
                    "15.11.13", "16.0.10", "16.1.8", "16.2.11", "16.3.9", "16.7.10", "16.11.10", "17.1.8", "17.3.7",
                    "17.4.0");
        }

        @ParameterizedTest
        @EnumSource(InstanceCondition.class)
        void everyConditionHasWording(InstanceCondition condition) {
            assertThat(CATALOG.wording(condition).question()).endsWith("?");
            assertThat(CATALOG.wording(condition).instancesWith()).isNotBlank();
        }
    }
}
