package com.upgradecoordination.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.upgradecoordination.events.IntegrationEventCatalog;
import com.upgradecoordination.events.coordination.ArchitectureDeviation;
import com.upgradecoordination.events.coordination.MigrationProblemReported;
import com.upgradecoordination.events.coordination.PlanSharedWithSupport;
import com.upgradecoordination.events.coordination.ProfessionalServicesDecided;
import com.upgradecoordination.events.review.PlanReviewCompleted;
import com.upgradecoordination.events.coordination.ArchitectureDeviationDetected;
import com.upgradecoordination.events.coordination.DeviationJustified;
import com.upgradecoordination.events.coordination.EngagementOpened;
import com.upgradecoordination.events.coordination.PlanSubmitted;
import com.upgradecoordination.events.coordination.SupportReviewRequested;
import com.upgradecoordination.events.review.SupportReviewCompleted;
import com.upgradecoordination.notification.api.Channel;
import com.upgradecoordination.notification.domain.NotificationRules.Decision;
import com.upgradecoordination.notification.domain.NotificationRules.Notice;
import com.upgradecoordination.notification.domain.NotificationRules.Rule;
import com.upgradecoordination.events.notification.ReminderFired;
import com.upgradecoordination.events.review.ReviewCallLinkOverdue;
import com.upgradecoordination.events.review.TicketHandedOff;
import com.upgradecoordination.events.review.UpgradeAssistanceRequested;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import com.upgradecoordination.notification.messaging.JsonPayloadFields;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class NotificationRulesTest {

    static final JsonMapper json = JsonMapper.builder().build();
    static final CaseFacts ACME = new CaseFacts("case-1", "casey.csm", "Acme Corp");
    static final CaseFacts TICKET = new CaseFacts("case-1", "casey.csm", "Acme Corp", "sam.engineer");
    static final Instant UPGRADE_AT = Instant.parse("2030-06-10T08:00:00Z");
    static final List<ArchitectureDeviation> GITALY =
            List.of(new ArchitectureDeviation("gitaly", "3x4/15", "1x4/15", "UNDERSIZED"));

    static JsonNode payload(Record contract) {
        return json.valueToTree(contract);
    }

    static Decision decide(String type, Record contract, CaseFacts facts) {
        return RuleTableFile.STANDARD.decide(type, JsonPayloadFields.of(payload(contract)), facts);
    }

    /** The notices of one role. */
    static List<Notice> to(RecipientRole role, Decision decision) {
        return decision.notices().stream().filter(notice -> notice.role() == role).toList();
    }

    @Test
    void aDeviatingPlanTellsTheCsmWithTheCustomerFromTheCase() {
        Decision decision = decide("ArchitectureDeviationDetected",
                new ArchitectureDeviationDetected("case-1", 2, "3k", GITALY), ACME);
        assertThat(decision.notices()).containsExactly(
                new Notice(RecipientRole.CSM, "casey.csm", Channel.INBOX,
                        "Plan v2 of Acme Corp deviates from the 3k reference architecture"),
                new Notice(RecipientRole.CSM, "casey.csm", Channel.EMAIL,
                        "Plan v2 of Acme Corp deviates from the 3k reference architecture"));
        assertThat(decision.unresolved()).isEmpty();
    }

    @Test
    void supportsVerdictTellsTheCsm() {
        Decision decision = decide("SupportReviewCompleted", new SupportReviewCompleted("review-1", "case-1", 1,
                "SUPPORTABLE_WITH_CHANGES", List.of("Add a Gitaly node"), "sam.senior", "SENIOR_SUPPORT_ENGINEER"), ACME);
        assertThat(decision.notices()).extracting(Notice::recipient, Notice::channel, Notice::message)
                .containsExactly(
                        tuple("casey.csm", Channel.INBOX, "Support's verdict on plan v1: SUPPORTABLE_WITH_CHANGES"),
                        tuple("casey.csm", Channel.EMAIL, "Support's verdict on plan v1: SUPPORTABLE_WITH_CHANGES"));
    }

    @Test
    void everyRuleOfTheTableRendersFromItsContract() {
        Map<String, String> messages = Map.of(
                "PlanSubmitted", render(new PlanSubmitted("case-1", 3, "CUSTOMER", "5k", List.of(), null, null, null,
                        null, null)),
                "DeviationJustified", render(new DeviationJustified("case-1", 2, "BUDGET", "too expensive")),
                "SupportReviewRequested", render(new SupportReviewRequested("case-1", "review-1", 2, "Acme Corp",
                        "casey.csm", "3k", GITALY, null)));
        assertThat(messages).containsExactlyInAnyOrderEntriesOf(Map.of(
                "PlanSubmitted",
                "Plan v3 of Acme Corp was submitted and is being compared with the 5k reference architecture",
                "DeviationJustified", "The deviation of plan v2 of Acme Corp was justified (BUDGET)",
                "SupportReviewRequested", "Support was asked to review plan v2 of Acme Corp"));
    }

    static String render(Record contract) {
        String type = contract.getClass().getSimpleName();
        List<Notice> notices = to(RecipientRole.CSM, decide(type, contract, ACME));
        assertThat(notices).as(type).hasSize(1);
        return notices.get(0).message();
    }

    @Test
    void everyPlaceholderAndConditionIsACaseFactOrAFieldOfTheRulesContract() {
        assertThat(RuleTableFile.STANDARD.rules()).hasSizeGreaterThan(15);
        for (Rule rule : RuleTableFile.STANDARD.rules()) {
            Class<? extends Record> contract = IntegrationEventCatalog.payloadTypeOf(rule.event()).orElseThrow();
            Set<String> fields = NotificationRules.fieldsOf(contract);
            assertThat(NotificationRules.placeholders(rule.message()))
                    .as(rule.describe())
                    .isNotEmpty()
                    .allSatisfy(name -> assertThat(fields.contains(name) || NotificationRules.CASE_FACTS.contains(name))
                            .as("{" + name + "} in the rule " + rule.describe()).isTrue());
            assertThat(fields).as(rule.describe()).containsAll(rule.when().keySet());
        }
    }

    @Test
    void everyContractAPersonShouldHearAboutHasARule() {
        // The CSM's own acts and records; TicketStatusChanged, whose moves worth telling have events of
        // their own; this service's records of its notifications; an erasure, which this service carries
        // out instead (a subscription of its own).
        Set<String> heardByNobody = Set.of("EngagementOpened", "RequirementsRecorded", "ReferenceArchitectureReviewed",
                "RevisionDiscussed", "ExpectationsSet", "FutureAdoptionAdvised", "DocumentationRecorded",
                "TicketStatusChanged", "NotificationSent", "NotificationFailed", "PersonalDataErased");
        Set<String> ruled = RuleTableFile.STANDARD.rules().stream().map(Rule::event).collect(Collectors.toSet());
        for (Class<? extends Record> contract : IntegrationEventCatalog.CONTRACTS) {
            String type = IntegrationEventCatalog.contractOf(contract).type();
            assertThat(ruled.contains(type) || heardByNobody.contains(type)).as(type + " has a rule").isTrue();
        }
    }

    @Test
    void eachEventTypeHasAtMostOneUnconditionalRulePerRecipient() {
        Map<String, Long> counts = RuleTableFile.STANDARD.rules().stream()
                .filter(rule -> rule.when().isEmpty())
                .collect(Collectors.groupingBy(r -> r.event() + "/" + r.to(), Collectors.counting()));
        assertThat(counts.values()).allMatch(count -> count == 1);
    }

    @Test
    void aRuleForAnEventTypeNoContractHasIsRefusedByName() {
        assertThatThrownBy(() -> NotificationRules.of(List.of(
                new Rule("PlanSubmitted", null, RecipientRole.CSM, null, "Plan v{planVersion}"),
                new Rule("TicketTeleported", null, RecipientRole.CSM, null, "Ticket {ticketId}"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("notification.rules[1]: event type 'TicketTeleported' is no integration-event "
                        + "contract; known types: [")
                .hasMessageNotContaining("notification.rules[0]");
    }

    @Test
    void aPlaceholderOrConditionTheContractLacksIsRefusedByName() {
        assertThatThrownBy(() -> NotificationRules.of(List.of(
                new Rule("PlanSubmitted", Map.of("color", "RED"), RecipientRole.CSM, null, "Plan v{planVersoin}"),
                new Rule("PlanSubmitted", null, null, null, " "))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("notification.rules[0] (PlanSubmitted): {planVersoin} is neither a case fact")
                .hasMessageContaining("notification.rules[0] (PlanSubmitted): condition on 'color', which is no field "
                        + "of PlanSubmitted")
                .hasMessageContaining("notification.rules[1] (PlanSubmitted): to is required")
                .hasMessageContaining("notification.rules[1] (PlanSubmitted): message is required");
    }

    @Test
    void aMigrationProblemGoesToTheTeamItWasRoutedToAndAlwaysToTheCsm() {
        Decision toSupport = decide("MigrationProblemReported",
                new MigrationProblemReported("case-1", "problem-1", "Gitaly is slow", "SUPPORT"), ACME);
        assertThat(toSupport.notices()).extracting(Notice::role).containsOnly(RecipientRole.SUPPORT_UPGRADE_QUEUE,
                RecipientRole.CSM);
        assertThat(to(RecipientRole.SUPPORT_UPGRADE_QUEUE, toSupport))
                .extracting(Notice::recipient, Notice::channel)
                .containsExactly(tuple("@support-upgrade-queue", Channel.INBOX),
                        tuple("@support-upgrade-queue", Channel.EMAIL),
                        tuple("@support-upgrade-queue", Channel.WEBHOOK));
        assertThat(to(RecipientRole.SUPPORT_UPGRADE_QUEUE, toSupport).get(0).message()).isEqualTo(
                "Migration problem at Acme Corp (no Professional Services; Support is the primary contact): "
                        + "Gitaly is slow");

        Decision toProServ = decide("MigrationProblemReported",
                new MigrationProblemReported("case-1", "problem-1", "Gitaly is slow", "PROFESSIONAL_SERVICES"), ACME);
        assertThat(toProServ.notices()).extracting(Notice::role).containsOnly(RecipientRole.PROSERV,
                RecipientRole.CSM);
        assertThat(to(RecipientRole.PROSERV, toProServ)).extracting(Notice::recipient).containsOnly("@proserv");
    }

    @Test
    void aSupportReviewRequestReachesTheSeniorReviewers() {
        Decision decision = decide("SupportReviewRequested", new SupportReviewRequested("case-1", "review-1", 2,
                "Acme Corp", "casey.csm", "3k", GITALY, null), ACME);
        assertThat(to(RecipientRole.SENIOR_REVIEWERS, decision)).extracting(Notice::recipient, Notice::message)
                .contains(tuple("@senior-reviewers", "Review requested: plan v2 of Acme Corp deviates from the 3k "
                        + "reference architecture (CSM casey.csm)"));
    }

    @Test
    void aSharedPlanReachesTheSupportUpgradeQueueAndAReviewedPlanTheCsm() {
        Decision shared = decide("PlanSharedWithSupport", new PlanSharedWithSupport("case-1", "plan-review-1", 3,
                "Acme Corp", "casey.csm", "5k", "https://docs.example/plan-3", true, List.of()), ACME);
        assertThat(shared.notices()).extracting(Notice::recipient).containsOnly("@support-upgrade-queue");
        assertThat(shared.notices().get(0).message()).isEqualTo(
                "casey.csm shared plan v3 of Acme Corp (5k reference architecture) for review: https://docs.example/plan-3");

        Decision reviewed = decide("PlanReviewCompleted", new PlanReviewCompleted("plan-review-1", "case-1", 3,
                List.of("Use object storage"), "Looks good", "sam.engineer", "SUPPORT_ENGINEER"), ACME);
        assertThat(reviewed.notices()).extracting(Notice::recipient, Notice::message).contains(
                tuple("casey.csm", "Support finished reviewing plan v3 of Acme Corp: Looks good"));
    }

    @Test
    void professionalServicesHearWhetherTheyWereEngagedOrDeclined() {
        assertThat(decide("ProfessionalServicesDecided",
                new ProfessionalServicesDecided("case-1", "DECLINED", "in-house team"), ACME).notices())
                .extracting(Notice::recipient, Notice::message)
                .containsExactly(tuple("@proserv", "Acme Corp declined Professional Services: in-house team"));
        assertThat(decide("ProfessionalServicesDecided",
                new ProfessionalServicesDecided("case-1", "ENGAGED", null), ACME).notices())
                .extracting(Notice::message)
                .containsOnly("Acme Corp engaged Professional Services for its upgrade (CSM casey.csm)");
    }

    @Test
    void theAssignedEngineerComesFromTheTicketAndTheCustomerContactFromThePayload() {
        PayloadFields request = JsonPayloadFields.of(json.createObjectNode().put("contactEmail", "pat@acme.example"));
        assertThat(NotificationRules.recipient(RecipientRole.ASSIGNED_ENGINEER, request, TICKET)).isEqualTo("sam.engineer");
        assertThat(NotificationRules.recipient(RecipientRole.ASSIGNED_ENGINEER, request, ACME)).isNull();
        assertThat(NotificationRules.recipient(RecipientRole.CUSTOMER_CONTACT, request, ACME))
                .isEqualTo("pat@acme.example");
        PayloadFields empty = JsonPayloadFields.of(json.createObjectNode());
        assertThat(NotificationRules.recipient(RecipientRole.CUSTOMER_CONTACT, empty, ACME)).isNull();
        assertThat(NotificationRules.recipient(RecipientRole.PROSERV, request, ACME)).isEqualTo("@proserv");
    }

    @Test
    void aNewRequestReachesTheSupportQueueAndItsContactByEmail() {
        Decision decision = decide("UpgradeAssistanceRequested", new UpgradeAssistanceRequested("ticket-1", null,
                "STANDARD", "HIGH", "Acme Corp", "16.7.10", "16.11.10", LocalDate.of(2030, 6, 10), LocalTime.of(10, 0),
                "Europe/Berlin", UPGRADE_AT, "pat@acme.example"), CaseFacts.unknown("ticket-1"));
        assertThat(to(RecipientRole.SUPPORT_UPGRADE_QUEUE, decision)).extracting(Notice::channel)
                .containsExactly(Channel.INBOX, Channel.EMAIL, Channel.WEBHOOK);
        assertThat(to(RecipientRole.SUPPORT_UPGRADE_QUEUE, decision).get(0).message()).isEqualTo(
                "New Upgrade Assistance request ticket-1 from Acme Corp: 16.7.10 to 16.11.10, upgrade at "
                        + "2030-06-10T08:00:00Z");
        assertThat(to(RecipientRole.CUSTOMER_CONTACT, decision)).extracting(Notice::recipient, Notice::channel)
                .containsExactly(tuple("pat@acme.example", Channel.EMAIL));
        // no CSM known yet for a ticket without engagement
        assertThat(decision.unresolved()).extracting(Rule::to).containsExactly(RecipientRole.CSM);
    }

    @Test
    void anOverdueBookingLinkRemindsTheAssignedEngineerAndTheSupportQueue() {
        Decision decision = decide("ReviewCallLinkOverdue", new ReviewCallLinkOverdue("ticket-1", "case-1",
                UPGRADE_AT, UPGRADE_AT.minus(Duration.ofDays(2))), TICKET);
        assertThat(to(RecipientRole.ASSIGNED_ENGINEER, decision)).extracting(Notice::recipient, Notice::channel)
                .containsExactly(tuple("sam.engineer", Channel.INBOX), tuple("sam.engineer", Channel.EMAIL),
                        tuple("sam.engineer", Channel.WEBHOOK));
        assertThat(to(RecipientRole.SUPPORT_UPGRADE_QUEUE, decision).get(0).message()).isEqualTo(
                "Reminder: the review-call booking link of ticket ticket-1 (Acme Corp, assigned to sam.engineer) was "
                        + "due by 2030-06-08T08:00:00Z; the upgrade is at 2030-06-10T08:00:00Z");
    }

    @Test
    void aHandoffTellsTheEngineerWhoTookItOver() {
        CaseFacts afterHandoff = new CaseFacts("case-1", "casey.csm", "Acme Corp", "robin.engineer");
        Decision decision = decide("TicketHandedOff", new TicketHandedOff("ticket-1", "case-1", "sam.engineer",
                "robin.engineer"), afterHandoff);
        assertThat(to(RecipientRole.ASSIGNED_ENGINEER, decision)).extracting(Notice::recipient, Notice::message)
                .contains(tuple("robin.engineer",
                        "sam.engineer handed the Upgrade Assistance ticket ticket-1 of Acme Corp to you"));
    }

    @Test
    void firedRemindersReachTheAssignedEngineerOrTheSeniorReviewers() {
        Decision outcome = decide("ReminderFired", new ReminderFired("reminder:UPGRADE_OUTCOME_OVERDUE:ticket-1",
                "UPGRADE_OUTCOME_OVERDUE", "ticket-1", null, null, UPGRADE_AT, UPGRADE_AT.plus(Duration.ofDays(1))),
                TICKET);
        assertThat(outcome.notices()).extracting(Notice::recipient).containsOnly("sam.engineer");
        assertThat(outcome.notices().get(0).message()).isEqualTo("Reminder: no outcome has been reported for the "
                + "upgrade of Acme Corp at 2030-06-10T08:00:00Z (ticket ticket-1)");

        Decision review = decide("ReminderFired", new ReminderFired("reminder:SUPPORT_REVIEW_OVERDUE:review-1",
                "SUPPORT_REVIEW_OVERDUE", null, "review-1", 2, UPGRADE_AT, UPGRADE_AT.plus(Duration.ofDays(2))), ACME);
        assertThat(review.notices()).extracting(Notice::recipient).containsOnly("@senior-reviewers");
        assertThat(review.notices().get(0).message()).isEqualTo("Reminder: the support review of plan v2 of Acme "
                + "Corp has waited since 2030-06-10T08:00:00Z, longer than its SLA (due 2030-06-12T08:00:00Z)");
    }

    @Test
    void anEventWithoutARuleNotifiesNobody() {
        Decision decision = decide("EngagementOpened",
                new EngagementOpened("case-1", "Acme Corp", "casey.csm", List.of("GROWTH"), "HELM"), ACME);
        assertThat(decision.notices()).isEmpty();
        assertThat(decision.unresolved()).isEmpty();
        assertThat(RuleTableFile.STANDARD.decide("SomethingNew", JsonPayloadFields.of(json.createObjectNode()), ACME).notices()).isEmpty();
    }

    @Test
    void withoutAKnownCaseTheCsmAndCustomerComeFromThePayload() {
        Decision decision = decide("SupportReviewRequested", new SupportReviewRequested("case-9", "review-1", 1,
                "Globex", "robin.csm", "2k", GITALY, null), CaseFacts.unknown("case-9"));
        assertThat(to(RecipientRole.CSM, decision)).extracting(Notice::recipient, Notice::message)
                .containsExactly(tuple("robin.csm",
                        "Support was asked to review plan v1 of Globex"));
    }

    @Test
    void theCaseDirectoryWinsOverThePayload() {
        Decision decision = decide("SupportReviewRequested", new SupportReviewRequested("case-1", "review-1", 1,
                "Acme (old name)", "someone.else", "3k", GITALY, null), ACME);
        assertThat(to(RecipientRole.CSM, decision)).extracting(Notice::recipient, Notice::message)
                .containsExactly(tuple("casey.csm",
                        "Support was asked to review plan v1 of Acme Corp"));
    }

    @Test
    void withoutAKnownCsmTheRuleIsReportedUnresolved() {
        Decision decision = decide("SupportReviewCompleted", new SupportReviewCompleted("review-1", "case-9", 1,
                "SUPPORTABLE", List.of(), "sam.senior", "SENIOR_SUPPORT_ENGINEER"), CaseFacts.unknown("case-9"));
        assertThat(decision.notices()).isEmpty();
        assertThat(decision.unresolved()).extracting(Rule::event).containsExactly("SupportReviewCompleted");
    }

    @Test
    void aBlankCsmInThePayloadIsNoCsm() {
        Decision decision = decide("SupportReviewRequested", new SupportReviewRequested("case-9", "review-1", 1,
                "Globex", " ", "2k", GITALY, null), CaseFacts.unknown("case-9"));
        assertThat(to(RecipientRole.CSM, decision)).isEmpty();
        assertThat(decision.unresolved()).extracting(Rule::to).containsExactly(RecipientRole.CSM);
    }

    @Test
    void valuesNobodyKnowsReadUnknown() {
        PayloadFields payload = JsonPayloadFields.of(json.createObjectNode().put("planVersion", 4).putNull("verdict"));
        assertThat(NotificationRules.render("Plan v{planVersion} of {customer}: {verdict} ({caseId})", payload,
                CaseFacts.unknown("case-9")))
                .isEqualTo("Plan v4 of unknown: unknown (case-9)");
    }

    @Test
    void templatesAreTakenLiterallyAroundPlaceholders() {
        JsonNode payload = json.createObjectNode().put("verdict", "$1 \\ {notAPlaceholder}");
        assertThat(NotificationRules.render("Verdict: {verdict} costs $5 {", JsonPayloadFields.of(payload), ACME))
                .isEqualTo("Verdict: $1 \\ {notAPlaceholder} costs $5 {");
    }

    @Test
    void aMessageIsCutToWhatTheInboxHolds() {
        JsonNode payload = json.createObjectNode().put("verdict", "x".repeat(5000));
        String message = NotificationRules.render("Verdict: {verdict}", JsonPayloadFields.of(payload), ACME);
        assertThat(message).hasSize(Notification.MAX_MESSAGE_LENGTH).endsWith("…");
    }
}
