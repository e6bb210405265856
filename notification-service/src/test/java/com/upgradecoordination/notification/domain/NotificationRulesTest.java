package com.upgradecoordination.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.upgradecoordination.events.coordination.ArchitectureDeviation;
import com.upgradecoordination.events.coordination.ArchitectureDeviationDetected;
import com.upgradecoordination.events.coordination.DeviationJustified;
import com.upgradecoordination.events.coordination.EngagementOpened;
import com.upgradecoordination.events.coordination.PlanSubmitted;
import com.upgradecoordination.events.coordination.SupportReviewRequested;
import com.upgradecoordination.events.review.SupportReviewCompleted;
import com.upgradecoordination.notification.api.Channel;
import com.upgradecoordination.notification.domain.NotificationRules.Decision;
import com.upgradecoordination.notification.domain.NotificationRules.Notice;
import com.upgradecoordination.notification.domain.NotificationRules.RecipientRole;
import com.upgradecoordination.notification.domain.NotificationRules.Rule;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class NotificationRulesTest {

    static final JsonMapper json = JsonMapper.builder().build();
    static final CaseFacts ACME = new CaseFacts("case-1", "casey.csm", "Acme Corp");
    static final List<ArchitectureDeviation> GITALY =
            List.of(new ArchitectureDeviation("gitaly", "3x4/15", "1x4/15", "UNDERSIZED"));

    static JsonNode payload(Record contract) {
        return json.valueToTree(contract);
    }

    static Decision decide(String type, Record contract, CaseFacts facts) {
        return NotificationRules.STANDARD.decide(type, payload(contract), facts);
    }

    @Test
    void aDeviatingPlanTellsTheCsmWithTheCustomerFromTheCase() {
        Decision decision = decide("ArchitectureDeviationDetected",
                new ArchitectureDeviationDetected("case-1", 2, "3k", GITALY), ACME);
        assertThat(decision.notices()).containsExactly(new Notice(RecipientRole.CSM, "casey.csm", Channel.INBOX,
                "Plan v2 of Acme Corp deviates from the 3k reference architecture"));
        assertThat(decision.unresolved()).isEmpty();
    }

    @Test
    void supportsVerdictTellsTheCsm() {
        Decision decision = decide("SupportReviewCompleted", new SupportReviewCompleted("review-1", "case-1", 1,
                "SUPPORTABLE_WITH_CHANGES", List.of("Add a Gitaly node"), "sam.senior", "SENIOR_SUPPORT_ENGINEER"), ACME);
        assertThat(decision.notices()).extracting(Notice::recipient, Notice::message)
                .containsExactly(tuple("casey.csm",
                        "Support's verdict on plan v1: SUPPORTABLE_WITH_CHANGES"));
    }

    @Test
    void everyRuleOfTheTableRendersFromItsContract() {
        Map<String, String> messages = Map.of(
                "PlanSubmitted", render(new PlanSubmitted("case-1", 3, "CUSTOMER", "5k", List.of(), null, null, null,
                        null, null)),
                "DeviationJustified", render(new DeviationJustified("case-1", 2, "BUDGET", "too expensive")),
                "SupportReviewRequested", render(new SupportReviewRequested("case-1", "review-1", 2, "Acme Corp",
                        "casey.csm", "3k", GITALY)));
        assertThat(messages).containsExactlyInAnyOrderEntriesOf(Map.of(
                "PlanSubmitted",
                "Plan v3 of Acme Corp was submitted and is being compared with the 5k reference architecture",
                "DeviationJustified", "The deviation of plan v2 of Acme Corp was justified (BUDGET)",
                "SupportReviewRequested", "Support was asked to review plan v2 of Acme Corp"));
    }

    static String render(Record contract) {
        String type = contract.getClass().getSimpleName();
        List<Notice> notices = decide(type, contract, ACME).notices();
        assertThat(notices).as(type).hasSize(1);
        return notices.get(0).message();
    }

    @Test
    void everyPlaceholderIsACaseFactOrAFieldOfTheRulesContract() {
        for (Rule rule : NotificationRules.STANDARD.rules()) {
            Set<String> fields = Arrays.stream(rule.contract().getRecordComponents())
                    .map(java.lang.reflect.RecordComponent::getName)
                    .collect(Collectors.toSet());
            assertThat(NotificationRules.placeholders(rule.template()))
                    .as(rule.eventType())
                    .isNotEmpty()
                    .allSatisfy(name -> assertThat(fields.contains(name) || NotificationRules.CASE_FACTS.contains(name))
                            .as("{" + name + "} in the rule for " + rule.eventType()).isTrue());
        }
    }

    @Test
    void eachEventTypeHasAtMostOneRulePerRecipient() {
        Map<String, Long> counts = NotificationRules.STANDARD.rules().stream()
                .collect(Collectors.groupingBy(r -> r.eventType() + "/" + r.recipient(), Collectors.counting()));
        assertThat(counts.values()).allMatch(count -> count == 1);
    }

    @Test
    void anEventWithoutARuleNotifiesNobody() {
        Decision decision = decide("EngagementOpened",
                new EngagementOpened("case-1", "Acme Corp", "casey.csm", List.of("GROWTH"), "HELM"), ACME);
        assertThat(decision.notices()).isEmpty();
        assertThat(decision.unresolved()).isEmpty();
        assertThat(NotificationRules.STANDARD.decide("SomethingNew", json.createObjectNode(), ACME).notices()).isEmpty();
    }

    @Test
    void withoutAKnownCaseTheCsmAndCustomerComeFromThePayload() {
        Decision decision = decide("SupportReviewRequested", new SupportReviewRequested("case-9", "review-1", 1,
                "Globex", "robin.csm", "2k", GITALY), CaseFacts.unknown("case-9"));
        assertThat(decision.notices()).extracting(Notice::recipient, Notice::message)
                .containsExactly(tuple("robin.csm",
                        "Support was asked to review plan v1 of Globex"));
    }

    @Test
    void theCaseDirectoryWinsOverThePayload() {
        Decision decision = decide("SupportReviewRequested", new SupportReviewRequested("case-1", "review-1", 1,
                "Acme (old name)", "someone.else", "3k", GITALY), ACME);
        assertThat(decision.notices()).extracting(Notice::recipient, Notice::message)
                .containsExactly(tuple("casey.csm",
                        "Support was asked to review plan v1 of Acme Corp"));
    }

    @Test
    void withoutAKnownCsmTheRuleIsReportedUnresolved() {
        Decision decision = decide("SupportReviewCompleted", new SupportReviewCompleted("review-1", "case-9", 1,
                "SUPPORTABLE", List.of(), "sam.senior", "SENIOR_SUPPORT_ENGINEER"), CaseFacts.unknown("case-9"));
        assertThat(decision.notices()).isEmpty();
        assertThat(decision.unresolved()).extracting(Rule::eventType).containsExactly("SupportReviewCompleted");
    }

    @Test
    void aBlankCsmInThePayloadIsNoCsm() {
        Decision decision = decide("SupportReviewRequested", new SupportReviewRequested("case-9", "review-1", 1,
                "Globex", " ", "2k", GITALY), CaseFacts.unknown("case-9"));
        assertThat(decision.notices()).isEmpty();
        assertThat(decision.unresolved()).hasSize(1);
    }

    @Test
    void valuesNobodyKnowsReadUnknown() {
        JsonNode payload = json.createObjectNode().put("planVersion", 4).putNull("verdict");
        assertThat(NotificationRules.render("Plan v{planVersion} of {customer}: {verdict} ({caseId})", payload,
                CaseFacts.unknown("case-9")))
                .isEqualTo("Plan v4 of unknown: unknown (case-9)");
    }

    @Test
    void templatesAreTakenLiterallyAroundPlaceholders() {
        JsonNode payload = json.createObjectNode().put("verdict", "$1 \\ {notAPlaceholder}");
        assertThat(NotificationRules.render("Verdict: {verdict} costs $5 {", payload, ACME))
                .isEqualTo("Verdict: $1 \\ {notAPlaceholder} costs $5 {");
    }

    @Test
    void aMessageIsCutToWhatTheInboxHolds() {
        JsonNode payload = json.createObjectNode().put("verdict", "x".repeat(5000));
        String message = NotificationRules.render("Verdict: {verdict}", payload, ACME);
        assertThat(message).hasSize(Notification.MAX_MESSAGE_LENGTH).endsWith("…");
    }
}
