package com.upgradecoordination.coordination.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.upgradecoordination.devsupport.AccessTableWalk;
import com.upgradecoordination.devsupport.DevTokenIssuer;
import com.upgradecoordination.devsupport.ServiceHttpTest;
import com.upgradecoordination.devsupport.ServiceTestSettings;
import com.upgradecoordination.devsupport.TestBroker;
import com.upgradecoordination.devsupport.TestTokens;
import com.upgradecoordination.devsupport.TopicRecorder;
import com.upgradecoordination.events.EnvelopeHeaders;
import com.upgradecoordination.events.Topics;
import com.upgradecoordination.platform.security.AccessPolicy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import java.util.stream.Stream;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.DynamicTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** coordination-service on its own, over HTTP, against a real PostgreSQL and a real Kafka broker. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=coordination-service")
class EngagementApiIT extends ServiceHttpTest {

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        ServiceTestSettings.register(registry, "coordination-service");
    }

    @Autowired
    AccessPolicy accessPolicy;

    @Autowired
    com.upgradecoordination.coordination.domain.ReferenceArchitectureCatalog catalog;

    final JsonMapper json = JsonMapper.builder().build();

    WebTestClient.RequestBodySpec post(String uri) {
        return http.post().uri(uri).contentType(MediaType.APPLICATION_JSON)
                .headers(TestTokens.bearer("casey.csm", "CSM"));
    }

    String openEngagement() {
        JsonNode created = post("/engagements")
                .header("X-Correlation-Id", "corr-open-1")
                .bodyValue(Map.of("customerOrganisation", "Acme Corp", "csm", "casey.csm",
                        "reasons", List.of("GROWTH"), "deploymentType", "OMNIBUS_MULTI_NODE"))
                .exchange()
                .expectStatus().isCreated()
                .expectHeader().valueEquals("X-Correlation-Id", "corr-open-1")
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        return created.get("engagementId").asString();
    }

    @Test
    void openingAnEngagementStoresTheEventWithItsAuditFactsAndPublishesIt() throws Exception {
        try (TopicRecorder coordinationTopic =
                     TopicRecorder.fromNow(TestBroker.shared().bootstrapServers(), Topics.COORDINATION)) {
            String engagementId = openEngagement();

            JsonNode history = http.get().uri("/engagements/{id}/history", engagementId).exchange()
                    .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
            assertThat(history).hasSize(1);
            JsonNode opened = history.get(0);
            assertThat(opened.get("type").asString()).isEqualTo("EngagementOpened");
            assertThat(opened.get("schemaRevision").asString()).isEqualTo("1");
            assertThat(opened.get("actor").asString()).isEqualTo("casey.csm");
            assertThat(opened.get("actorRole").asString()).isEqualTo("CSM");
            assertThat(opened.get("correlationId").asString()).isEqualTo("corr-open-1");
            assertThat(opened.get("causationId").asString()).startsWith("request-");
            assertThat(opened.get("origin").asString()).isEqualTo("HTTP POST /engagements");
            assertThat(opened.get("payload").get("customerOrganisation").asString()).isEqualTo("Acme Corp");

            await().atMost(Duration.ofSeconds(30)).until(() -> !coordinationTopic.received().isEmpty());
            TopicRecorder.Received record = coordinationTopic.received().get(0);
            assertThat(record.key()).isEqualTo(engagementId);
            assertThat(record.headers()).containsEntry(EnvelopeHeaders.TYPE, "EngagementOpened")
                    .containsEntry(EnvelopeHeaders.SCHEMA_VERSION, "1");
            JsonNode envelope = json.readTree(record.value());
            assertThat(envelope.get("eventId").asString()).isEqualTo(opened.get("eventId").asString());
            assertThat(envelope.get("caseId").asString()).isEqualTo(engagementId);
            assertThat(envelope.get("type").asString()).isEqualTo("EngagementOpened");
            assertThat(envelope.get("schemaVersion").asInt()).isEqualTo(1);
            assertThat(envelope.get("producer").asString()).isEqualTo("coordination-service");
            assertThat(envelope.get("aggregateSequence").asLong()).isZero();
            assertThat(envelope.get("actor").get("principal").asString()).isEqualTo("casey.csm");
            assertThat(envelope.get("correlationId").asString()).isEqualTo("corr-open-1");
            assertThat(envelope.get("payload").get("csm").asString()).isEqualTo("casey.csm");

            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    http.get().uri("/engagements/{id}", engagementId).exchange()
                            .expectStatus().isOk()
                            .expectBody().jsonPath("$.status").isEqualTo("OPENED")
                            .jsonPath("$.customerOrganisation").isEqualTo("Acme Corp"));
        }
    }

    @Test
    void badInputIsRefusedWithProblemDetailsAndChangesNothing() {
        long before = storedEvents();
        post("/engagements")
                .bodyValue(Map.of("customerOrganisation", "", "csm", "casey.csm",
                        "reasons", List.of("GROWTH"), "deploymentType", "OMNIBUS_MULTI_NODE"))
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(400)
                .jsonPath("$.errors[0].field").isEqualTo("customerOrganisation");
        post("/engagements")
                .bodyValue(Map.of("customerOrganisation", "Acme", "csm", "casey.csm",
                        "reasons", List.of("NOT_A_REASON"), "deploymentType", "OMNIBUS_MULTI_NODE"))
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void anotherTeamAnswersAQuestionAndTheHistoryShowsWho() {
        String engagementId = openEngagement();
        JsonNode asked = post("/engagements/" + engagementId + "/internal-assistance-requests")
                .bodyValue(Map.of("team", "SUPPORT", "question", "Is a single Gitaly node supportable at 3k?"))
                .exchange()
                .expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        String requestId = asked.get("requestId").asString();
        anonymous.post().uri("/engagements/{id}/internal-assistance-requests/{request}/answer", engagementId, requestId)
                .contentType(MediaType.APPLICATION_JSON)
                .headers(TestTokens.bearer("sue.engineer", "SUPPORT_ENGINEER"))
                .bodyValue(Map.of("answer", "Supportable, but expect slower git operations"))
                .exchange()
                .expectStatus().isNoContent();

        JsonNode history = http.get().uri("/engagements/{id}/history", engagementId).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        JsonNode answered = history.get(history.size() - 1);
        assertThat(answered.get("type").asString()).isEqualTo("InternalAssistanceAnswered");
        assertThat(answered.get("actor").asString()).isEqualTo("sue.engineer");
        assertThat(answered.get("actorRole").asString()).isEqualTo("SUPPORT_ENGINEER");
        assertThat(answered.get("payload").get("requestId").asString()).isEqualTo(requestId);
    }

    @Test
    void everyCommandRefusesInvalidInputByFieldAndChangesNothing() {
        String engagementId = openEngagement();
        long before = storedEvents();
        Map<String, Map<String, Object>> invalid = Map.of(
                "/engagements/" + engagementId + "/plans", Map.of("author", "CUSTOMER", "components", List.of()),
                "/engagements/" + engagementId + "/deviation-justification",
                Map.of("reasonCategory", "BUDGET", "explanation", " "));
        invalid.forEach((uri, body) -> post(uri).bodyValue(body).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").exists());
        http.put().uri("/engagements/{id}/requirements", engagementId).contentType(MediaType.APPLICATION_JSON)
                .headers(TestTokens.bearer("casey.csm", "CSM"))
                .bodyValue(Map.of("currentUsers", 0, "expectedUsers", 10, "growthHorizonMonths", 12,
                        "highAvailability", false, "geo", false, "targetCompletionDate", "2027-01-31"))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("currentUsers");
        post("/engagements/" + engagementId + "/support-review-requests").header("If-Match", "W/\"1\"").exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void unreadableBodiesAreRefusedByNameAndChangeNothing() {
        long before = storedEvents();
        post("/engagements")
                .bodyValue(Map.of("customerOrganisation", "Acme", "csm", "casey.csm", "reasons", List.of("GROWTH"),
                        "deploymentType", "OMNIBUS_MULTI_NODE", "customerOrganization", "typo"))
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("customerOrganization")
                .jsonPath("$.errors[0].reason").isEqualTo("unknown field");
        post("/engagements")
                .bodyValue(Map.of("customerOrganisation", "Acme", "csm", "casey.csm", "reasons", List.of("GROWTH"),
                        "deploymentType", "MAINFRAME"))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("deploymentType")
                .jsonPath("$.errors[0].reason").value(reason -> assertThat(reason.toString())
                        .startsWith("must be one of [OMNIBUS_SINGLE_NODE"));
        post("/engagements").bodyValue("{\"customerOrganisation\": ").exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        post("/engagements")
                .bodyValue(Map.of("customerOrganisation", "x".repeat(300 * 1024), "csm", "casey.csm",
                        "reasons", List.of("GROWTH"), "deploymentType", "OMNIBUS_MULTI_NODE"))
                .exchange()
                .expectStatus().isEqualTo(413)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        post("/engagements").contentType(MediaType.TEXT_PLAIN).bodyValue("open it").exchange()
                .expectStatus().isEqualTo(415)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        http.get().uri("/engagements/{id}", "any").accept(MediaType.APPLICATION_XML).exchange()
                .expectStatus().isEqualTo(406);
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void problemsNeverLeakInternals() {
        String body = post("/engagements").bodyValue("{\"reasons\": 5}").exchange()
                .expectStatus().isBadRequest()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(body).doesNotContain("tools.jackson", "Exception", "\tat ", "com.upgradecoordination");
    }

    @Test
    void aRuleViolationIsAConflictWithItsReasonAndChangesNothing() {
        String engagementId = openEngagement();
        long before = storedEvents();
        post("/engagements/" + engagementId + "/deviation-justification")
                .bodyValue(Map.of("reasonCategory", "BUDGET", "explanation", "too expensive"))
                .exchange()
                .expectStatus().isEqualTo(409)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.rule").isEqualTo("requires-plan")
                .jsonPath("$.recorded").isEqualTo(false)
                .jsonPath("$.detail").isEqualTo("Submit a plan before you justify a deviation");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void aRefusalAnAuditorWantsIsAConflictAndIsRecordedInTheHistory() {
        EngagementSteps engagements = new EngagementSteps(anonymous, catalog);
        String engagementId = engagements.open("Refused Corp", "casey.csm");
        engagements.requirements(engagementId, 3000, "2027-09-30");
        engagements.submitPlan(engagementId, "3k", true);
        String etagBefore = http.get().uri("/engagements/{id}", engagementId).exchange()
                .expectBody(String.class).returnResult().getResponseHeaders().getETag();
        long before = storedEvents();

        post("/engagements/" + engagementId + "/migration/start").header("If-Match", etagBefore).exchange()
                .expectStatus().isEqualTo(409)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.rule").isEqualTo("migration-requires-accepted-plan")
                .jsonPath("$.recorded").isEqualTo(true)
                .jsonPath("$.detail").isEqualTo("Plan version 1 deviates and its deviation is not accepted yet");

        // the refusal, and only it, is stored: a real event, so the engagement's version moves on
        assertThat(storedEvents()).isEqualTo(before + 1);
        JsonNode history = engagements.history(engagementId);
        JsonNode refusal = history.get(history.size() - 1);
        assertThat(refusal.get("type").asString()).isEqualTo("EngagementCommandRefused");
        assertThat(refusal.get("actor").asString()).isEqualTo("casey.csm");
        assertThat(refusal.get("payload").get("command").asString()).isEqualTo("StartMigrationCommand");
        assertThat(refusal.get("payload").get("rule").asString()).isEqualTo("migration-requires-accepted-plan");
        String etagAfter = http.get().uri("/engagements/{id}", engagementId).exchange()
                .expectBody(String.class).returnResult().getResponseHeaders().getETag();
        assertThat(etagAfter).isEqualTo("\"" + (refusal.get("sequence").asLong()) + "\"").isNotEqualTo(etagBefore);
        post("/engagements/" + engagementId + "/reference-architecture-review").header("If-Match", etagBefore)
                .exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.rule").doesNotExist();
        post("/engagements/" + engagementId + "/reference-architecture-review").header("If-Match", etagAfter)
                .exchange()
                .expectStatus().isNoContent();
    }

    static final Map<String, Object> ACME = Map.of("customerOrganisation", "Acme Corp", "csm", "casey.csm",
            "reasons", List.of("GROWTH"), "deploymentType", "OMNIBUS_MULTI_NODE");

    @Test
    void aCommandWithoutAValidTokenIsUnauthorizedAndChangesNothing() {
        long before = storedEvents();
        DevTokenIssuer issuer = TestTokens.issuer();
        for (String authorization : List.of("", "Bearer not-a-jwt",
                "Bearer " + issuer.expiredToken("casey.csm", "CSM"),
                "Bearer " + issuer.forgedToken("casey.csm", "CSM"))) {
            var request = anonymous.post().uri("/engagements").contentType(MediaType.APPLICATION_JSON);
            if (!authorization.isEmpty()) {
                request = request.header("Authorization", authorization);
            }
            request.bodyValue(ACME).exchange()
                    .expectStatus().isUnauthorized()
                    .expectHeader().exists("WWW-Authenticate")
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.status").isEqualTo(401);
        }
        anonymous.get().uri("/engagements/{id}", "any").exchange().expectStatus().isUnauthorized();
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void aRoleThatMayNotSendTheCommandIsForbiddenAndChangesNothing() {
        long before = storedEvents();
        for (String role : List.of("AUDITOR", "PROSERV", "SUPPORT_ENGINEER", "INTEGRATION")) {
            anonymous.post().uri("/engagements").contentType(MediaType.APPLICATION_JSON)
                    .headers(TestTokens.bearer("someone", role))
                    .bodyValue(ACME).exchange()
                    .expectStatus().isForbidden()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.status").isEqualTo(403);
        }
        assertThat(storedEvents()).isEqualTo(before);
    }

    @TestFactory
    Stream<DynamicTest> everyLineOfTheAccessTableIsEnforced() {
        return AccessTableWalk.walk(anonymous, accessPolicy.rules());
    }

    @Test
    void anUnknownEngagementIsNotFound() {
        http.get().uri("/engagements/{id}/history", "no-such-engagement").exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        http.get().uri("/engagements/{id}", "no-such-engagement").exchange()
                .expectStatus().isNotFound();
    }
}
