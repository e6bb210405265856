package com.upgradecoordination.review.web;

import static com.upgradecoordination.review.web.CoordinationServiceStandIn.KAFKA_WAIT;
import static com.upgradecoordination.review.web.CoordinationServiceStandIn.envelope;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.upgradecoordination.devsupport.NewerProducer;
import com.upgradecoordination.devsupport.ServiceHttpTest;
import com.upgradecoordination.devsupport.ServiceTestSettings;
import com.upgradecoordination.devsupport.TestBroker;
import com.upgradecoordination.devsupport.TestClients;
import com.upgradecoordination.devsupport.TestTokens;
import com.upgradecoordination.devsupport.TopicRecorder;
import com.upgradecoordination.events.Topics;
import com.upgradecoordination.events.EventEnvelope;
import com.upgradecoordination.events.coordination.EngagementOpened;
import com.upgradecoordination.events.coordination.MigrationProblemReported;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tickets over HTTP against a real PostgreSQL and Kafka broker (SPEC T1-T10, T13, C8): the whole
 * Upgrade Assistance workflow with the CSM learnt from coordination-service's events, the read
 * models, refusals (nothing changed), and migration problems arriving on Kafka.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=review-service")
class TicketApiIT extends ServiceHttpTest {

    static final JsonMapper json = JsonMapper.builder().build();
    static final Duration READ_MODEL_WAIT = Duration.ofSeconds(20);

    @AutoClose
    static final CoordinationServiceStandIn coordinationService = new CoordinationServiceStandIn();

    static TopicRecorder reviewTopic;

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        ServiceTestSettings.register(registry, "review-service");
    }

    @BeforeAll
    static void recordReviewTopic() {
        reviewTopic = TopicRecorder.fromNow(TestBroker.shared().bootstrapServers(), Topics.REVIEW);
    }

    @AfterAll
    static void stopRecording() throws InterruptedException {
        reviewTopic.close();
    }

    WebTestClient portal;
    WebTestClient sue;

    @BeforeEach
    void clients() {
        http = TestClients.asAuditor(port);
        portal = TestClients.as(port, "support-portal", "INTEGRATION");
        sue = TestClients.as(port, "sue.engineer", "SUPPORT_ENGINEER");
    }

    static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    static Map<String, Object> details(LocalDate upgradeDate, boolean withRollbackPlan) {
        Map<String, Object> details = new HashMap<>();
        details.put("currentVersion", "16.7.10");
        details.put("targetVersion", "16.11.10");
        details.put("upgradePath", List.of("16.11.10"));
        details.put("upgradePlan", "Backup, apt install gitlab-ee=16.11.10, wait for background migrations");
        if (withRollbackPlan) {
            details.put("rollbackPlan", "Restore the backup and gitlab-secrets.json on 16.7.10");
        }
        details.put("architecture", "Omnibus, single node");
        details.put("contactEmail", "ops@acme.example");
        details.put("upgradeDate", upgradeDate.toString());
        details.put("upgradeTime", "00:00:00");
        details.put("upgradeTimezone", "UTC");
        return details;
    }

    static Map<String, Object> newTicket(String form, String organisation, String engagementId,
                                         Map<String, Object> details) {
        Map<String, Object> body = new HashMap<>();
        body.put("form", form);
        body.put("organisation", organisation);
        if (engagementId != null) {
            body.put("engagementId", engagementId);
        }
        body.put("details", details);
        return body;
    }

    String file(WebTestClient client, Map<String, Object> body) {
        JsonNode created = client.post().uri("/tickets").contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange()
                .expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        String ticketId = created.get("ticketId").asString();
        awaitTicket(ticketId, t -> true);
        return ticketId;
    }

    /** A complete request, ten days ahead, without engagement. */
    String completeTicket() {
        return file(portal, newTicket("STANDARD", "Org " + UUID.randomUUID(), null, details(today().plusDays(10), true)));
    }

    Optional<JsonNode> read(String ticketId) {
        var result = http.get().uri("/tickets/{id}", ticketId).exchange().expectBody(JsonNode.class).returnResult();
        return result.getStatus().value() == 200 ? Optional.ofNullable(result.getResponseBody()) : Optional.empty();
    }

    JsonNode awaitTicket(String ticketId, java.util.function.Predicate<JsonNode> condition) {
        await().atMost(READ_MODEL_WAIT).until(() -> read(ticketId).filter(condition).isPresent());
        return read(ticketId).orElseThrow();
    }

    static String text(JsonNode node, String field) {
        return node.path(field).isString() ? node.path(field).asString() : null;
    }

    JsonNode awaitStatus(String ticketId, String status) {
        return awaitTicket(ticketId, t -> status.equals(t.get("status").asString()));
    }

    WebTestClient.ResponseSpec post(WebTestClient client, String ticketId, String step, Object body) {
        var request = client.post().uri("/tickets/" + ticketId + "/" + step);
        return body == null ? request.exchange()
                : request.contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    void ok(WebTestClient client, String ticketId, String step, Object body) {
        post(client, ticketId, step, body).expectStatus().isNoContent();
    }

    List<String> publishedTypes(String ticketId) {
        return reviewTopic.received().stream()
                .map(r -> json.readTree(r.value()))
                .filter(e -> ticketId.equals(e.get("aggregateId").asString()))
                .map(e -> e.get("type").asString())
                .toList();
    }

    JsonNode published(String ticketId, String type) {
        return reviewTopic.received().stream()
                .map(r -> json.readTree(r.value()))
                .filter(e -> ticketId.equals(e.get("aggregateId").asString()) && type.equals(e.get("type").asString()))
                .findFirst().orElseThrow();
    }

    @Test
    void theWholeWorkflowFromRequestToClosedTicket() throws Exception {
        String engagementId = "engagement-" + UUID.randomUUID();
        String organisation = "Acme " + UUID.randomUUID();
        coordinationService.publish(envelope(engagementId, "EngagementOpened", json.valueToTree(
                new EngagementOpened(engagementId, organisation, "casey.csm", List.of("GROWTH"), "OMNIBUS"))));
        await().atMost(KAFKA_WAIT).until(() -> jdbc.sql(
                "SELECT COUNT(*) FROM engagement_directory WHERE engagement_id = :id")
                .param("id", engagementId).query(Long.class).single() == 1);

        // T1, T3, T4: a request without rollback plan, filed by the portal for the organisation
        String ticketId = file(portal, newTicket("STANDARD", organisation, engagementId,
                details(today().plusDays(10), false)));
        JsonNode pending = awaitStatus(ticketId, "PENDING");
        assertThat(pending.get("statusLabel").asString()).isEqualTo("pending");
        assertThat(pending.get("priority").asString()).isEqualTo("HIGH");
        assertThat(pending.get("caseId").asString()).isEqualTo(engagementId);
        assertThat(pending.get("followers").get(0).get("name").asString()).isEqualTo("casey.csm");
        assertThat(pending.get("followers").get(0).get("source").asString()).isEqualTo("COORDINATION");
        assertThat(pending.get("deficiencies").findValuesAsString("field")).containsExactly("rollbackPlan");
        assertThat(pending.get("history").asString()).isEqualTo("/tickets/" + ticketId + "/history");

        ok(portal, ticketId, "customer-information", details(today().plusDays(10), true));
        awaitTicket(ticketId, t -> t.get("informationComplete").asBoolean());
        ok(sue, ticketId, "assignment", null);
        JsonNode open = awaitTicket(ticketId, t -> "sue.engineer".equals(text(t, "assignee")));
        assertThat(open.get("status").asString()).isEqualTo("OPEN");
        ok(sue, ticketId, "pairing", Map.of("engineer", "uma.upgrades"));
        ok(sue, ticketId, "plan-feedback", Map.of("upgradePlanFeedback", "Wait for background migrations"));

        // T7: ten days ahead the link is in time; the call is held
        ok(portal, ticketId, "review-call", null);
        JsonNode requested = awaitTicket(ticketId, t -> "REQUESTED".equals(t.get("reviewCall").get("state").asString()));
        assertThat(requested.get("deadlines").findValuesAsString("name"))
                .containsExactly("review-call-link-due", "review-call-due");
        ok(sue, ticketId, "review-call/link", null);
        ok(sue, ticketId, "review-call/held", Map.of("notes", "Walked through the plan"));
        JsonNode held = awaitTicket(ticketId, t -> "HELD".equals(t.get("reviewCall").get("state").asString()));
        assertThat(held.get("reviewCall").get("linkTiming").asString()).isEqualTo("IN_TIME");
        assertThat(held.get("deadlines")).isEmpty();

        // T8: the handoff needs the recorded sync
        post(sue, ticketId, "handoff", Map.of("toEngineer", "sam.senior")).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.rule").isEqualTo("handoff-needs-sync");
        ok(sue, ticketId, "handoff-syncs", Map.of("engineer", "sam.senior", "notes", "Went through the open points"));
        ok(sue, ticketId, "handoff", Map.of("toEngineer", "sam.senior"));
        awaitTicket(ticketId, t -> "sam.senior".equals(text(t, "assignee")));

        // T9, T10: scheduled, on hold; moved a day later; succeeded; closed
        ok(portal, ticketId, "upgrade-schedule", null);
        JsonNode onHold = awaitStatus(ticketId, "ON_HOLD");
        assertThat(onHold.get("statusLabel").asString()).isEqualTo("on-hold");
        assertThat(onHold.get("deadlines").findValuesAsString("name")).containsExactly("on-hold-expiry");
        WebTestClient sam = TestClients.as(port, "sam.senior", "SENIOR_SUPPORT_ENGINEER");
        ok(sam, ticketId, "postponement-recommendation", Map.of("reasons", List.of("POORLY_PLANNED")));
        ok(portal, ticketId, "upgrade-reschedule", Map.of("upgradeDate", today().plusDays(11).toString(),
                "upgradeTime", "00:00:00", "upgradeTimezone", "UTC"));
        awaitTicket(ticketId, t -> today().plusDays(11).toString().equals(t.get("upgradeDate").asString()));
        ok(portal, ticketId, "upgrade-outcome", Map.of("outcome", "SUCCEEDED"));
        awaitStatus(ticketId, "SOLVED");
        ok(sam, ticketId, "closure", null);
        JsonNode closed = awaitStatus(ticketId, "CLOSED");
        assertThat(closed.get("outcome").asString()).isEqualTo("SUCCEEDED");
        assertThat(closed.get("postponementReasons").get(0).asString()).isEqualTo("POORLY_PLANNED");

        JsonNode history = http.get().uri("/tickets/{id}/history", ticketId).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(history.findValuesAsString("type")).startsWith("UpgradeAssistanceRequested",
                "CsmAddedAsFollower", "MissingInformationRequested").contains("TicketClosed");

        // published for the notification service, keyed by the engagement
        await().atMost(KAFKA_WAIT).untilAsserted(() -> assertThat(publishedTypes(ticketId)).contains(
                "UpgradeAssistanceRequested", "CsmAddedAsFollower", "MissingInformationRequested",
                "RequiredInformationComplete", "TicketAssigned", "ReviewCallRequested", "ReviewCallLinkSent",
                "ReviewCallHeld", "TicketHandedOff", "UpgradeScheduled", "PostponementRecommended",
                "UpgradeRescheduled", "UpgradeOutcomeReported", "TicketStatusChanged"));
        assertThat(reviewTopic.received().stream().filter(r -> r.value().contains(ticketId))
                .map(TopicRecorder.Received::key).distinct().toList()).containsExactly(engagementId);
        JsonNode assigned = published(ticketId, "TicketAssigned");
        assertThat(assigned.get("caseId").asString()).isEqualTo(engagementId);
        assertThat(assigned.get("payload").get("assignee").asString()).isEqualTo("sue.engineer");
        assertThat(assigned.get("actor").get("principal").asString()).isEqualTo("sue.engineer");
    }

    @Test
    void theCsmNamedInTheRequestFollowsAndATicketWithoutEngagementIsItsOwnCase() {
        Map<String, Object> body = newTicket("US_GOVERNMENT", "Agency " + UUID.randomUUID(), null,
                details(today().plusDays(10), true));
        body.put("csm", "cora.csm");
        String ticketId = file(TestClients.as(port, "cora.csm", "CSM"), body);
        JsonNode ticket = awaitTicket(ticketId, t -> true);
        assertThat(ticket.get("caseId").asString()).isEqualTo(ticketId);
        assertThat(ticket.get("form").asString()).isEqualTo("US_GOVERNMENT");
        assertThat(ticket.get("status").asString()).isEqualTo("NEW");
        assertThat(ticket.get("followers").get(0).get("source").asString()).isEqualTo("REQUEST");
    }

    @Test
    void anEngagementWhoseOpeningArrivesAfterItsTicketStillGetsItsCsmAsFollower() throws Exception {
        String engagementId = "engagement-" + UUID.randomUUID();
        String organisation = "Late Corp " + UUID.randomUUID();
        String ticketId = file(portal, newTicket("STANDARD", organisation, engagementId,
                details(today().plusDays(10), true)));
        assertThat(awaitTicket(ticketId, t -> true).get("followers")).isEmpty();

        coordinationService.publish(envelope(engagementId, "EngagementOpened", json.valueToTree(
                new EngagementOpened(engagementId, organisation, "lee.csm", List.of("GROWTH"), "OMNIBUS"))));

        JsonNode followed = awaitTicket(ticketId, t -> t.get("followers").size() == 1);
        assertThat(followed.get("followers").get(0).get("name").asString()).isEqualTo("lee.csm");
        assertThat(followed.get("followers").get(0).get("source").asString()).isEqualTo("COORDINATION");
    }

    @Test
    void aLinkUnderTwoDaysBeforeTheUpgradeIsRefusedAndTheRefusalRecorded() {
        String ticketId = file(portal, newTicket("STANDARD", "Late " + UUID.randomUUID(), null,
                details(today().plusDays(1), true)));
        ok(sue, ticketId, "assignment", null);
        ok(portal, ticketId, "review-call", null);
        // the link was due 2 days before the upgrade, already past: its deadline fires at once
        await().atMost(KAFKA_WAIT).until(() -> history(ticketId).findValuesAsString("type")
                .contains("ReviewCallLinkOverdue"));
        assertThat(history(ticketId).get(history(ticketId).size() - 1).get("origin").asString())
                .isEqualTo("deadline review-call-link-due");
        long before = eventsOf(ticketId);
        post(sue, ticketId, "review-call/link", null)
                .expectStatus().isEqualTo(409)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.rule").isEqualTo("review-call-link-too-late")
                .jsonPath("$.recorded").isEqualTo(true);
        assertThat(eventsOf(ticketId)).isEqualTo(before + 1);
        JsonNode history = history(ticketId);
        assertThat(history.get(history.size() - 1).get("type").asString()).isEqualTo("ReviewCallLinkRefused");
        assertThat(history.get(history.size() - 1).get("actor").asString()).isEqualTo("sue.engineer");
    }

    @Test
    void badInputIsRefusedWithProblemDetailsAndChangesNothing() {
        String ticketId = completeTicket();
        long before = eventsOf(ticketId);
        Map<String, Object> badDetails = details(today().plusDays(10), true);
        badDetails.put("upgradePath", List.of(" "));
        Map<String, Object> unknownZone = details(today().plusDays(10), true);
        unknownZone.put("upgradeTimezone", "Mars/Olympus");
        Map<String, Object> invalidRequests = new java.util.LinkedHashMap<>();
        invalidRequests.put("customer-information", badDetails);
        invalidRequests.put("pairing", Map.of("engineer", " "));
        invalidRequests.put("plan-feedback", Map.of());
        invalidRequests.put("review-call/held", Map.of("notes", "x".repeat(4001)));
        invalidRequests.put("handoff-syncs", Map.of("engineer", "sam.senior"));
        invalidRequests.put("handoff", Map.of());
        invalidRequests.put("upgrade-reschedule", Map.of("upgradeDate", "tomorrow", "upgradeTime", "00:00:00",
                "upgradeTimezone", "UTC"));
        invalidRequests.put("upgrade-outcome", Map.of("outcome", "MAYBE"));
        invalidRequests.put("postponement-recommendation", Map.of("reasons", List.of("OTHER")));
        invalidRequests.forEach((step, body) -> post(sue, ticketId, step, body)
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(400));
        post(portal, ticketId, "customer-information", unknownZone).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.detail").isEqualTo("upgradeTimezone: not a known timezone, e.g. Europe/Berlin");
        portal.post().uri("/tickets").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(newTicket("MIGRATION_PROBLEM", "Acme", null, details(today().plusDays(10), true)))
                .exchange().expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        portal.post().uri("/tickets").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("form", "STANDARD", "organisation", "Acme"))
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("details");
        post(sue, ticketId, "assignment", null).expectStatus().isNoContent();
        post(sue, ticketId, "assignment", null).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.rule").isEqualTo("ticket-already-assigned").jsonPath("$.recorded").isEqualTo(false);
        post(sue, ticketId, "closure", null).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.rule").isEqualTo("ticket-not-solved");
        post(sue, ticketId, "upgrade-outcome", Map.of("outcome", "SUCCEEDED")).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.rule").isEqualTo("upgrade-not-scheduled");
        sue.post().uri("/tickets/{id}/pairing", ticketId).header("If-Match", "\"0\"")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("engineer", "uma.upgrades"))
                .exchange().expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo(
                        com.upgradecoordination.platform.web.ProblemDetailsAdvice.TYPE_PREFIX + "stale-version");
        // only the assignment (and its status change) was stored
        assertThat(eventsOf(ticketId)).isEqualTo(before + 2);
        post(sue, "no-such-ticket", "assignment", null).expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        http.get().uri("/tickets/{id}", "no-such-ticket").exchange().expectStatus().isNotFound();
        http.get().uri("/tickets/{id}/history", "no-such-ticket").exchange().expectStatus().isNotFound();
    }

    @Test
    void rolesThatMayNotTakeAStepAreForbiddenAndNothingChanges() {
        String ticketId = completeTicket();
        long before = eventsOf(ticketId);
        WebTestClient csm = TestClients.as(port, "casey.csm", "CSM");
        for (String step : List.of("assignment", "review-call/link", "closure", "upgrade-schedule", "review-call")) {
            post(csm, ticketId, step, null).expectStatus().isForbidden()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        }
        post(portal, ticketId, "assignment", null).expectStatus().isForbidden();
        post(TestClients.as(port, "pat.proserv", "PROSERV"), ticketId, "pairing", Map.of("engineer", "x"))
                .expectStatus().isForbidden();
        http.post().uri("/tickets").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(newTicket("STANDARD", "Acme", null, details(today().plusDays(10), true)))
                .exchange().expectStatus().isForbidden();
        TestClients.as(port, "pat.proserv", "PROSERV").get().uri("/tickets").exchange().expectStatus().isForbidden();
        assertThat(eventsOf(ticketId)).isEqualTo(before);
    }

    @Test
    void theQueueFiltersAndPages() {
        String engineer = "queue-" + UUID.randomUUID();
        WebTestClient assignee = TestClients.as(port, engineer, "SUPPORT_ENGINEER");
        String first = completeTicket();
        String second = completeTicket();
        String third = file(portal, newTicket("US_GOVERNMENT", "Agency", null, details(today().plusDays(20), true)));
        for (String ticketId : List.of(first, second, third)) {
            ok(assignee, ticketId, "assignment", null);
        }
        ok(portal, second, "review-call", null);
        ok(assignee, first, "upgrade-schedule", null);
        await().atMost(READ_MODEL_WAIT).until(() -> queue("assignee=" + engineer).get("total").asLong() == 3
                && queue("assignee=" + engineer + "&status=ON_HOLD").get("total").asLong() == 1
                && queue("assignee=" + engineer + "&deadlineWithinHours=720").get("total").asLong() == 2);

        JsonNode page0 = queue("assignee=" + engineer + "&size=2&page=0");
        JsonNode page1 = queue("assignee=" + engineer + "&size=2&page=1");
        assertThat(page0.get("total").asLong()).isEqualTo(3);
        assertThat(page0.get("items").findValuesAsString("ticketId")).containsExactly(first, second);
        assertThat(page1.get("items").findValuesAsString("ticketId")).containsExactly(third);
        assertThat(queue("assignee=" + engineer + "&status=ON_HOLD").get("items").findValuesAsString("ticketId"))
                .containsExactly(first);
        assertThat(queue("assignee=" + engineer + "&form=US_GOVERNMENT").get("items").findValuesAsString("ticketId"))
                .containsExactly(third);
        assertThat(queue("assignee=" + engineer + "&upgradeFrom=" + today().plusDays(15) + "&upgradeTo="
                + today().plusDays(25)).get("items").findValuesAsString("ticketId")).containsExactly(third);
        // the link of the second is due 8 days ahead; the first comes off hold in 4 days
        assertThat(queue("assignee=" + engineer + "&deadlineWithinHours=" + (5 * 24)).get("items")
                .findValuesAsString("ticketId")).containsExactly(first);

        for (String bad : List.of("size=101", "size=0", "page=-1", "status=SOMEDAY", "form=FAX",
                "upgradeFrom=2030-01-02&upgradeTo=2030-01-01", "deadlineWithinHours=0", "upgradeFrom=soon",
                "deadlineWithinHours=721", "upgradeFrom=-999999999-01-01", "upgradeTo=999999999-12-31")) {
            http.get().uri("/tickets?" + bad).exchange()
                    .expectStatus().isBadRequest()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        }
    }

    JsonNode queue(String query) {
        return http.get().uri("/tickets?" + query).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    @Test
    void migrationProblemsRoutedToSupportOpenOneTicketPerEngagementAndJoinIt() throws Exception {
        String engagementId = "engagement-" + UUID.randomUUID();
        String organisation = "Migrating " + UUID.randomUUID();
        coordinationService.publish(envelope(engagementId, "EngagementOpened", json.valueToTree(
                new EngagementOpened(engagementId, organisation, "casey.csm", List.of("KUBERNETES"), "HELM"))));
        coordinationService.publish(envelope(engagementId, "MigrationProblemReported", json.valueToTree(
                new MigrationProblemReported(engagementId, "problem-1", "Gitaly pods crash", "SUPPORT"))));
        coordinationService.publish(envelope(engagementId, "MigrationProblemReported", json.valueToTree(
                new MigrationProblemReported(engagementId, "problem-2", "Registry is slow", "SUPPORT"))));
        coordinationService.publish(envelope(engagementId, "MigrationProblemReported", json.valueToTree(
                new MigrationProblemReported(engagementId, "problem-3", "ProServ handles this",
                        "PROFESSIONAL_SERVICES"))));

        await().atMost(KAFKA_WAIT).until(() -> jdbc.sql("""
                        SELECT COUNT(*) FROM processed_integration_event
                        WHERE consumer = 'ticket-migration-problems' AND detail IS NULL""")
                .query(Long.class).single() >= 3 && ticketsOf(engagementId).size() == 1
                && read(ticketsOf(engagementId).get(0)).map(t -> t.get("migrationProblems").asInt() == 2).orElse(false));
        JsonNode ticket = read(ticketsOf(engagementId).get(0)).orElseThrow();
        assertThat(ticket.get("form").asString()).isEqualTo("MIGRATION_PROBLEM");
        assertThat(ticket.get("organisation").asString()).isEqualTo(organisation);
        assertThat(ticket.get("priority").asString()).isEqualTo("HIGH");
        assertThat(ticket.get("followers").get(0).get("name").asString()).isEqualTo("casey.csm");
        JsonNode history = http.get().uri("/tickets/{id}/history", ticket.get("ticketId").asString()).exchange()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(history.findValuesAsString("type")).containsExactly("TicketOpenedForMigrationProblem",
                "CsmAddedAsFollower", "MigrationProblemNoted");
        assertThat(history.get(0).get("actor").asString()).isEqualTo("review-service");
    }

    @Test
    void engagementsAndProblemsWrittenByANewerProducerAreReadAndAnUnknownRouteIsNotSupports() throws Exception {
        String engagementId = "engagement-" + UUID.randomUUID();
        coordinationService.publish(engagementId, NewerProducer.write(envelope(engagementId, "EngagementOpened",
                json.valueToTree(new EngagementOpened(engagementId, "Newer " + UUID.randomUUID(), "casey.csm",
                        List.of("KUBERNETES"), "HELM"))), "/deploymentType", "NOMAD"));
        coordinationService.publish(engagementId, NewerProducer.write(envelope(engagementId, "MigrationProblemReported",
                json.valueToTree(new MigrationProblemReported(engagementId, "problem-1", "Gitaly pods crash",
                        "SUPPORT")))));
        EventEnvelope otherRoute = envelope(engagementId, "MigrationProblemReported", json.valueToTree(
                new MigrationProblemReported(engagementId, "problem-2", "Runners are slow", "SUPPORT")));
        coordinationService.publish(engagementId, NewerProducer.write(otherRoute, "/routedTo", "PLATFORM_TEAM"));

        await().atMost(KAFKA_WAIT).until(() -> jdbc.sql(
                        "SELECT COUNT(*) FROM processed_integration_event WHERE event_id = :id AND outcome = 'APPLIED'")
                .param("id", otherRoute.eventId()).query(Long.class).single() == 1
                && ticketsOf(engagementId).size() == 1
                && read(ticketsOf(engagementId).get(0)).map(t -> t.get("migrationProblems").asInt() == 1).orElse(false));
        JsonNode ticket = read(ticketsOf(engagementId).get(0)).orElseThrow();
        assertThat(ticket.get("followers").get(0).get("name").asString()).isEqualTo("casey.csm");
    }

    JsonNode history(String ticketId) {
        return http.get().uri("/tickets/{id}/history", ticketId).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    List<String> ticketsOf(String engagementId) {
        return jdbc.sql("SELECT ticket_id FROM engagement_ticket WHERE engagement_id = :id")
                .param("id", engagementId).query(String.class).list();
    }
}
