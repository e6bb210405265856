package com.upgradecoordination.review.web;

import static com.upgradecoordination.review.web.CoordinationServiceStandIn.KAFKA_WAIT;
import static com.upgradecoordination.review.web.CoordinationServiceStandIn.envelope;
import static com.upgradecoordination.review.web.CoordinationServiceStandIn.planShared;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.upgradecoordination.devsupport.NewerProducer;
import com.upgradecoordination.devsupport.ServiceHttpTest;
import com.upgradecoordination.devsupport.ServiceTestSettings;
import com.upgradecoordination.devsupport.TestBroker;
import com.upgradecoordination.devsupport.TestTokens;
import com.upgradecoordination.devsupport.TopicRecorder;
import com.upgradecoordination.events.EventEnvelope;
import com.upgradecoordination.events.Topics;
import com.upgradecoordination.events.coordination.PlanSharedWithSupport;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Plan reviews (SPEC C7, T11) against a real PostgreSQL and a real Kafka broker: coordination-service's
 * PlanSharedWithSupport is published to its topic, Support works on the review over HTTP, and what
 * review-service publishes is read back from its topic. The access table walk in
 * {@link SupportReviewApiIT} covers the plan-review lines too.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=review-service")
class PlanReviewApiIT extends ServiceHttpTest {

    static final JsonMapper json = JsonMapper.builder().build();

    @AutoClose
    static final CoordinationServiceStandIn coordinationService = new CoordinationServiceStandIn();

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        ServiceTestSettings.register(registry, "review-service");
    }

    JsonNode review(String planReviewId) {
        return get("/plan-reviews/{id}", planReviewId);
    }

    /** The review's status, or empty while it is unknown; polls without failing assertions. */
    Optional<String> statusOf(String planReviewId) {
        return found("/plan-reviews/{id}", planReviewId).map(review -> review.get("status").asString());
    }

    void awaitStatus(String planReviewId, String status) {
        await().atMost(KAFKA_WAIT).until(() -> statusOf(planReviewId).filter(status::equals).isPresent());
    }

    /** A review opened the way it is in production: from coordination-service's event on Kafka. */
    String openReview() throws Exception {
        String planReviewId = coordinationService.sharePlan();
        awaitStatus(planReviewId, "OPEN");
        return planReviewId;
    }

    JsonNode history(String planReviewId) {
        return get("/plan-reviews/{id}/history", planReviewId);
    }

    JsonNode queue(String query) {
        return get("/plan-reviews" + query);
    }

    WebTestClient.RequestBodySpec post(String planReviewId, String command, String actor, String role) {
        return http.post().uri("/plan-reviews/{id}/" + command, planReviewId).contentType(MediaType.APPLICATION_JSON)
                .headers(TestTokens.bearer(actor, role));
    }

    WebTestClient.ResponseSpec feedback(String planReviewId, String actor, String role, String topic, String text) {
        return post(planReviewId, "feedback", actor, role).bodyValue(Map.of("topic", topic, "text", text)).exchange();
    }

    String outcomeOf(EventEnvelope envelope) {
        return jdbc.sql("SELECT outcome FROM processed_integration_event WHERE consumer = 'plan-shares' "
                        + "AND event_id = :id")
                .param("id", envelope.eventId()).query(String.class).single();
    }

    static Optional<Published> published(TopicRecorder recorder, String type, String planReviewId) {
        return Published.find(recorder, type, "planReviewId", planReviewId);
    }

    static Published awaitPublished(TopicRecorder recorder, String type, String planReviewId) {
        return Published.awaitFound(recorder, type, "planReviewId", planReviewId);
    }

    static void expectRule(WebTestClient.ResponseSpec response, String rule) {
        response.expectStatus().isEqualTo(409)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.rule").isEqualTo(rule);
    }

    @Test
    void aShareWrittenByANewerProducerOpensTheReviewAndKeepsAnUnknownDeviationKind() throws Exception {
        String engagementId = "engagement-" + UUID.randomUUID();
        String planReviewId = "plan-review-" + UUID.randomUUID();
        coordinationService.publish(engagementId, NewerProducer.write(planShared(engagementId, planReviewId),
                "/deviations/0/kind", "SPLIT_ACROSS_ZONES"));
        awaitStatus(planReviewId, "OPEN");

        JsonNode opened = history(planReviewId).get(0).get("payload");
        assertThat(opened.get("deviations").get(0).get("kind").asString()).isEqualTo("SPLIT_ACROSS_ZONES");
        assertThat(opened.toString()).doesNotContain(NewerProducer.UNKNOWN_FIELD);
    }

    @Test
    void aSharedPlanOpensOnceIsReviewedOverHttpAndItsFeedbackIsPublished() throws Exception {
        try (TopicRecorder reviewTopic =
                     new TopicRecorder(TestBroker.shared().bootstrapServers(), Topics.REVIEW)) {
            String engagementId = "engagement-" + UUID.randomUUID();
            String planReviewId = "plan-review-" + UUID.randomUUID();
            EventEnvelope shared = planShared(engagementId, planReviewId);
            coordinationService.publish(shared);
            awaitStatus(planReviewId, "OPEN");

            JsonNode opened = review(planReviewId);
            assertThat(opened.get("engagementId").asString()).isEqualTo(engagementId);
            assertThat(opened.get("planVersion").asInt()).isEqualTo(3);
            assertThat(opened.get("customerOrganisation").asString()).isEqualTo("Acme Corp");
            assertThat(opened.get("csm").asString()).isEqualTo("casey.csm");
            assertThat(opened.get("referenceSize").asString()).isEqualTo("3k");
            assertThat(opened.get("planDocumentUrl").asString())
                    .isEqualTo("https://gitlab.example/acme/upgrade/-/wikis/plan-v3");
            assertThat(opened.get("conforms").asBoolean()).isFalse();
            assertThat(opened.get("deviationCount").asInt()).isEqualTo(1);
            assertThat(opened.get("feedback")).isEmpty();
            assertThat(opened.get("assignee").isNull()).isTrue();
            assertThat(opened.get("version").asLong()).isZero();

            JsonNode openedEntry = history(planReviewId).get(0);
            assertThat(openedEntry.get("type").asString()).isEqualTo("PlanReviewOpened");
            assertThat(openedEntry.get("actor").asString()).isEqualTo("review-service");
            assertThat(openedEntry.get("actorRole").asString()).isEqualTo("INTEGRATION");
            assertThat(openedEntry.get("causationId").asString()).isEqualTo(shared.eventId());
            assertThat(openedEntry.get("correlationId").asString()).isEqualTo(shared.correlationId());

            Published openedRecord = awaitPublished(reviewTopic, "PlanReviewOpened", planReviewId);
            assertThat(openedRecord.key()).isEqualTo(engagementId);
            assertThat(openedRecord.envelope().get("caseId").asString()).isEqualTo(engagementId);
            assertThat(openedRecord.envelope().get("payload").get("planVersion").asInt()).isEqualTo(3);

            // Kafka delivers at least once: the same event again, then another share of the same case
            // behind it on the same partition. Once that one is open, the duplicate has been handled.
            coordinationService.publish(shared);
            String secondPlanReviewId = "plan-review-" + UUID.randomUUID();
            coordinationService.publish(planShared(engagementId, secondPlanReviewId));
            awaitStatus(secondPlanReviewId, "OPEN");
            assertThat(history(planReviewId)).hasSize(1);
            assertThat(outcomeOf(shared)).isEqualTo("APPLIED");
            assertThat(jdbc.sql("SELECT COUNT(*) FROM processed_integration_event WHERE event_id = :id")
                    .param("id", shared.eventId()).query(Long.class).single()).isEqualTo(1);

            JsonNode openOfTheCase = queue("?status=OPEN&engagementId=" + engagementId);
            assertThat(openOfTheCase.get("total").asLong()).isEqualTo(2);
            assertThat(openOfTheCase.get("items").findValuesAsString("planReviewId"))
                    .containsExactly(planReviewId, secondPlanReviewId);

            post(planReviewId, "assignment", "sue.engineer", "SUPPORT_ENGINEER").exchange()
                    .expectStatus().isNoContent();
            feedback(planReviewId, "sue.engineer", "SUPPORT_ENGINEER", "ROLLBACK_PLAN",
                    "Take a backup before the first stop").expectStatus().isNoContent();
            // a feedback item based on a version the review no longer has is refused
            long beforeStale = storedEvents();
            post(planReviewId, "feedback", "sam.senior", "SENIOR_SUPPORT_ENGINEER").header("If-Match", "\"0\"")
                    .bodyValue(Map.of("topic", "OTHER", "text", "stale")).exchange()
                    .expectStatus().isEqualTo(409)
                    .expectBody().jsonPath("$.actualVersion").isEqualTo(2);
            assertThat(storedEvents()).isEqualTo(beforeStale);
            post(planReviewId, "feedback", "sam.senior", "SENIOR_SUPPORT_ENGINEER").header("If-Match", "\"2\"")
                    .bodyValue(Map.of("topic", "ARCHITECTURE", "text", "Gitaly needs three nodes at 3k")).exchange()
                    .expectStatus().isNoContent();
            post(planReviewId, "completion", "sue.engineer", "SUPPORT_ENGINEER")
                    .header("X-Correlation-Id", "corr-plan-review-1")
                    .bodyValue(Map.of("summary", "Fine once the rollback and Gitaly are covered"))
                    .exchange()
                    .expectStatus().isNoContent();

            Published completed = awaitPublished(reviewTopic, "PlanReviewCompleted", planReviewId);
            assertThat(completed.key()).isEqualTo(engagementId);
            JsonNode envelope = completed.envelope();
            assertThat(envelope.get("caseId").asString()).isEqualTo(engagementId);
            assertThat(envelope.get("aggregateId").asString()).isEqualTo(planReviewId);
            assertThat(envelope.get("aggregateSequence").asLong()).isEqualTo(4);
            assertThat(envelope.get("actor").get("principal").asString()).isEqualTo("sue.engineer");
            assertThat(envelope.get("actor").get("role").asString()).isEqualTo("SUPPORT_ENGINEER");
            assertThat(envelope.get("correlationId").asString()).isEqualTo("corr-plan-review-1");
            assertThat(envelope.get("origin").asString())
                    .isEqualTo("HTTP POST /plan-reviews/" + planReviewId + "/completion");
            JsonNode payload = envelope.get("payload");
            assertThat(payload.get("engagementId").asString()).isEqualTo(engagementId);
            assertThat(payload.get("planVersion").asInt()).isEqualTo(3);
            assertThat(payload.get("feedback").valueStream().map(JsonNode::asString)).containsExactly(
                    "ROLLBACK_PLAN: Take a backup before the first stop",
                    "ARCHITECTURE: Gitaly needs three nodes at 3k");
            assertThat(payload.get("summary").asString()).isEqualTo("Fine once the rollback and Gitaly are covered");
            assertThat(payload.get("reviewer").asString()).isEqualTo("sue.engineer");
            assertThat(payload.get("reviewerRole").asString()).isEqualTo("SUPPORT_ENGINEER");

            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(review(planReviewId).get("status").asString()).isEqualTo("COMPLETED"));
            JsonNode done = review(planReviewId);
            assertThat(done.get("assignee").asString()).isEqualTo("sue.engineer");
            assertThat(done.get("reviewer").asString()).isEqualTo("sue.engineer");
            assertThat(done.get("reviewerRole").asString()).isEqualTo("SUPPORT_ENGINEER");
            assertThat(done.get("summary").asString()).isEqualTo("Fine once the rollback and Gitaly are covered");
            assertThat(done.get("version").asLong()).isEqualTo(4);
            JsonNode items = done.get("feedback");
            assertThat(items).hasSize(2);
            assertThat(items.get(0).get("topic").asString()).isEqualTo("ROLLBACK_PLAN");
            assertThat(items.get(0).get("givenBy").asString()).isEqualTo("sue.engineer");
            assertThat(items.get(1).get("topic").asString()).isEqualTo("ARCHITECTURE");
            assertThat(items.get(1).get("text").asString()).isEqualTo("Gitaly needs three nodes at 3k");
            assertThat(items.get(1).get("givenBy").asString()).isEqualTo("sam.senior");
            assertThat(items.get(1).get("givenByRole").asString()).isEqualTo("SENIOR_SUPPORT_ENGINEER");
            assertThat(history(planReviewId).findValuesAsString("type")).containsExactly("PlanReviewOpened",
                    "PlanReviewAssigned", "PlanReviewFeedbackGiven", "PlanReviewFeedbackGiven", "PlanReviewCompleted");
            assertThat(queue("?status=COMPLETED&engagementId=" + engagementId).get("items")
                    .findValuesAsString("planReviewId")).containsExactly(planReviewId);

            long before = storedEvents();
            expectRule(feedback(planReviewId, "max.manager", "SUPPORT_MANAGER", "OTHER", "One more thing"),
                    "plan-review-already-completed");
            expectRule(post(planReviewId, "completion", "max.manager", "SUPPORT_MANAGER")
                    .bodyValue(Map.of("summary", "Again")).exchange(), "plan-review-already-completed");
            assertThat(storedEvents()).isEqualTo(before);
        }
    }

    @Test
    void aReviewWithoutFeedbackIsCompletedOnlyAsRaisingNoConcerns() throws Exception {
        try (TopicRecorder reviewTopic =
                     TopicRecorder.fromNow(TestBroker.shared().bootstrapServers(), Topics.REVIEW)) {
            String planReviewId = openReview();
            long before = storedEvents();
            expectRule(post(planReviewId, "completion", "sam.senior", "SENIOR_SUPPORT_ENGINEER")
                    .bodyValue(Map.of("summary", "A sound plan")).exchange(), "plan-review-feedback-required");
            assertThat(storedEvents()).isEqualTo(before);
            assertThat(review(planReviewId).get("status").asString()).isEqualTo("OPEN");

            post(planReviewId, "completion", "sam.senior", "SENIOR_SUPPORT_ENGINEER")
                    .bodyValue(Map.of("summary", "A sound plan", "noConcerns", true)).exchange()
                    .expectStatus().isNoContent();
            JsonNode payload = awaitPublished(reviewTopic, "PlanReviewCompleted", planReviewId).envelope()
                    .get("payload");
            assertThat(payload.get("feedback")).isEmpty();
            assertThat(payload.get("summary").asString()).isEqualTo("A sound plan");
            assertThat(payload.get("reviewerRole").asString()).isEqualTo("SENIOR_SUPPORT_ENGINEER");
        }
    }

    @Test
    void onlySupportWorksOnPlanReviewsAndTheCaseReadsThem() throws Exception {
        String planReviewId = openReview();
        long before = storedEvents();
        post(planReviewId, "feedback", "casey.csm", "CSM").bodyValue(Map.of("topic", "OTHER", "text", "Looks fine"))
                .exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        post(planReviewId, "completion", "pat.proserv", "PROSERV").bodyValue(Map.of("summary", "Fine"))
                .exchange()
                .expectStatus().isForbidden();
        post(planReviewId, "assignment", "ada.auditor", "AUDITOR").exchange().expectStatus().isForbidden();
        anonymous.post().uri("/plan-reviews/{id}/assignment", planReviewId).exchange()
                .expectStatus().isUnauthorized();
        assertThat(storedEvents()).isEqualTo(before);

        for (String role : List.of("CSM", "PROSERV", "AUDITOR", "INTEGRATION")) {
            http.get().uri("/plan-reviews/{id}", planReviewId).headers(TestTokens.bearer("reader", role)).exchange()
                    .expectStatus().isOk()
                    .expectHeader().valueEquals("ETag", "\"0\"");
        }
        assertThat(review(planReviewId).get("feedback")).isEmpty();
    }

    @Test
    void badInputIsRefusedWithProblemDetailsAndChangesNothing() throws Exception {
        String planReviewId = openReview();
        long before = storedEvents();
        for (Map<String, Object> body : List.<Map<String, Object>>of(
                Map.of("text", "no topic"),
                Map.of("topic", "NOT_A_TOPIC", "text", "Looks fine"),
                Map.of("topic", "OTHER", "text", " "),
                Map.of("topic", "OTHER", "text", "a".repeat(4001)))) {
            post(planReviewId, "feedback", "sue.engineer", "SUPPORT_ENGINEER").bodyValue(body).exchange()
                    .expectStatus().isBadRequest()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.status").isEqualTo(400);
        }
        for (Map<String, Object> body : List.<Map<String, Object>>of(
                Map.of("noConcerns", true),
                Map.of("summary", " ", "noConcerns", true),
                Map.of("summary", "Fine", "noConcerns", "perhaps"))) {
            post(planReviewId, "completion", "sue.engineer", "SUPPORT_ENGINEER").bodyValue(body).exchange()
                    .expectStatus().isBadRequest()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        }
        post(planReviewId, "assignment", "sue.engineer", "SUPPORT_ENGINEER").header("If-Match", "zero").exchange()
                .expectStatus().isBadRequest();
        for (String query : List.of("?status=NOT_A_STATUS", "?size=0", "?size=101", "?page=-1", "?page=first")) {
            http.get().uri("/plan-reviews" + query).exchange()
                    .expectStatus().isBadRequest()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        }
        assertThat(storedEvents()).isEqualTo(before);
        JsonNode review = review(planReviewId);
        assertThat(review.get("version").asLong()).isZero();
        assertThat(review.get("feedback")).isEmpty();
    }

    @Test
    void assigningTheReviewAgainToItsAssigneeIsARefusedRule() throws Exception {
        String planReviewId = openReview();
        post(planReviewId, "assignment", "sue.engineer", "SUPPORT_ENGINEER").exchange().expectStatus().isNoContent();
        long before = storedEvents();
        expectRule(post(planReviewId, "assignment", "sue.engineer", "SUPPORT_ENGINEER").exchange(),
                "plan-review-already-assigned");
        assertThat(storedEvents()).isEqualTo(before);
        post(planReviewId, "assignment", "sam.senior", "SENIOR_SUPPORT_ENGINEER").exchange()
                .expectStatus().isNoContent();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(review(planReviewId).get("assignee").asString()).isEqualTo("sam.senior"));
    }

    @Test
    void theQueueIsPagedOldestFirstWithItsTotal() throws Exception {
        String engagementId = "engagement-" + UUID.randomUUID();
        List<String> ids = List.of("plan-review-" + UUID.randomUUID(), "plan-review-" + UUID.randomUUID(),
                "plan-review-" + UUID.randomUUID());
        for (String id : ids) {
            coordinationService.publish(planShared(engagementId, id));
        }
        awaitStatus(ids.get(2), "OPEN");

        JsonNode first = queue("?engagementId=" + engagementId + "&size=2");
        assertThat(first.get("total").asLong()).isEqualTo(3);
        assertThat(first.get("page").asInt()).isZero();
        assertThat(first.get("size").asInt()).isEqualTo(2);
        assertThat(first.get("items").findValuesAsString("planReviewId")).containsExactly(ids.get(0), ids.get(1));
        JsonNode second = queue("?engagementId=" + engagementId + "&size=2&page=1");
        assertThat(second.get("total").asLong()).isEqualTo(3);
        assertThat(second.get("items").findValuesAsString("planReviewId")).containsExactly(ids.get(2));
        assertThat(queue("?engagementId=" + engagementId + "&size=2&page=2").get("items")).isEmpty();
        assertThat(queue("?engagementId=" + engagementId + "&status=COMPLETED").get("total").asLong()).isZero();
        assertThat(queue("").get("size").asInt()).isEqualTo(20);
        assertThat(queue("?size=100").get("size").asInt()).isEqualTo(100);
    }

    @Test
    void anUnknownReviewIsNotFound() {
        http.get().uri("/plan-reviews/{id}", "no-such-review").exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        http.get().uri("/plan-reviews/{id}/history", "no-such-review").exchange()
                .expectStatus().isNotFound();
        long before = storedEvents();
        feedback("no-such-review", "sue.engineer", "SUPPORT_ENGINEER", "OTHER", "Looks fine")
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        post("no-such-review", "completion", "sue.engineer", "SUPPORT_ENGINEER")
                .bodyValue(Map.of("summary", "Fine", "noConcerns", true)).exchange()
                .expectStatus().isNotFound();
        post("no-such-review", "assignment", "sue.engineer", "SUPPORT_ENGINEER").exchange()
                .expectStatus().isNotFound();
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void refusedSharesAreRecordedWithoutHoldingUpTheCase() throws Exception {
        String engagementId = "engagement-" + UUID.randomUUID();
        String invalidPlanReviewId = "plan-review-" + UUID.randomUUID();
        // a deviating plan that names no deviation
        EventEnvelope invalid = envelope(engagementId, "PlanSharedWithSupport", json.valueToTree(
                new PlanSharedWithSupport(engagementId, invalidPlanReviewId, 3, "Acme Corp", "casey.csm", "3k", null,
                        false, List.of())));
        coordinationService.publish(invalid);
        String planReviewId = "plan-review-" + UUID.randomUUID();
        coordinationService.publish(planShared(engagementId, planReviewId));
        // another event (not a redelivery) sharing again under a plan review id that is already open
        EventEnvelope sharedAgain = planShared(engagementId, planReviewId);
        coordinationService.publish(sharedAgain);
        String nextPlanReviewId = "plan-review-" + UUID.randomUUID();
        coordinationService.publish(planShared(engagementId, nextPlanReviewId));

        awaitStatus(nextPlanReviewId, "OPEN");
        assertThat(outcomeOf(invalid)).isEqualTo("REJECTED");
        assertThat(outcomeOf(sharedAgain)).isEqualTo("REJECTED");
        assertThat(jdbc.sql("SELECT detail FROM processed_integration_event WHERE consumer = 'plan-shares' "
                        + "AND event_id = :id")
                .param("id", sharedAgain.eventId()).query(String.class).single())
                .isEqualTo("Plan review " + planReviewId + " is already open for engagement " + engagementId);
        http.get().uri("/plan-reviews/{id}", invalidPlanReviewId).exchange().expectStatus().isNotFound();
        assertThat(history(planReviewId)).hasSize(1);
    }
}
