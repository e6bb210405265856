package com.upgradecoordination.review.web;

import static com.upgradecoordination.review.web.CoordinationServiceStandIn.KAFKA_WAIT;
import static com.upgradecoordination.review.web.CoordinationServiceStandIn.envelope;
import static com.upgradecoordination.review.web.CoordinationServiceStandIn.reviewRequested;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.upgradecoordination.devsupport.AccessTableWalk;
import com.upgradecoordination.devsupport.NewerProducer;
import com.upgradecoordination.devsupport.ServiceHttpTest;
import com.upgradecoordination.devsupport.ServiceTestSettings;
import com.upgradecoordination.devsupport.TestBroker;
import com.upgradecoordination.devsupport.TestTokens;
import com.upgradecoordination.devsupport.TopicRecorder;
import com.upgradecoordination.events.EventEnvelope;
import com.upgradecoordination.events.Topics;
import com.upgradecoordination.events.coordination.EngagementOpened;
import com.upgradecoordination.events.coordination.SupportReviewRequested;
import com.upgradecoordination.platform.security.AccessPolicy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AutoClose;
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

/**
 * review-service on its own, against a real PostgreSQL and a real Kafka broker: coordination-service
 * is played by records published to its topic, and what review-service publishes is read back.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=review-service")
class SupportReviewApiIT extends ServiceHttpTest {

    static final JsonMapper json = JsonMapper.builder().build();

    @AutoClose
    static final CoordinationServiceStandIn coordinationService = new CoordinationServiceStandIn();

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        ServiceTestSettings.register(registry, "review-service");
    }

    @Autowired
    AccessPolicy accessPolicy;

    JsonNode review(String reviewId) {
        return get("/support-reviews/{id}", reviewId);
    }

    /** The review's status, or empty while it is unknown; polls without failing assertions. */
    Optional<String> statusOf(String reviewId) {
        return found("/support-reviews/{id}", reviewId).map(review -> review.get("status").asString());
    }

    void awaitOpen(String reviewId) {
        await().atMost(KAFKA_WAIT).until(() -> statusOf(reviewId).filter("OPEN"::equals).isPresent());
    }

    /** A review opened the way it is in production: from coordination-service's event on Kafka. */
    String openReview() throws Exception {
        String reviewId = coordinationService.requestReview();
        awaitOpen(reviewId);
        return reviewId;
    }

    JsonNode history(String reviewId) {
        return get("/support-reviews/{id}/history", reviewId);
    }

    WebTestClient.RequestBodySpec complete(String reviewId, String actor, String role) {
        return http.post().uri("/support-reviews/{id}/completion", reviewId).contentType(MediaType.APPLICATION_JSON)
                .headers(TestTokens.bearer(actor, role));
    }

    static Optional<Published> published(TopicRecorder recorder, String type, String reviewId) {
        return Published.find(recorder, type, "reviewId", reviewId);
    }

    static Published awaitPublished(TopicRecorder recorder, String type, String reviewId) {
        return Published.awaitFound(recorder, type, "reviewId", reviewId);
    }

    @Test
    void aRequestWrittenByANewerProducerOpensTheReviewAndKeepsAnUnknownDeviationKind() throws Exception {
        String engagementId = "engagement-" + UUID.randomUUID();
        String reviewId = "review-" + UUID.randomUUID();
        coordinationService.publish(engagementId,
                NewerProducer.write(reviewRequested(engagementId, reviewId), "/deviations/0/kind", "SPLIT_ACROSS_ZONES"));
        awaitOpen(reviewId);

        assertThat(review(reviewId).get("deviationCount").asInt()).isEqualTo(1);
        JsonNode opened = history(reviewId).get(0).get("payload");
        assertThat(opened.get("deviations").get(0).get("kind").asString()).isEqualTo("SPLIT_ACROSS_ZONES");
        assertThat(opened.toString()).doesNotContain(NewerProducer.UNKNOWN_FIELD);
    }

    @Test
    void aRequestedReviewOpensOnceIsCompletedBySeniorSupportAndPublished() throws Exception {
        try (TopicRecorder reviewTopic =
                     new TopicRecorder(TestBroker.shared().bootstrapServers(), Topics.REVIEW)) {
            String engagementId = "engagement-" + UUID.randomUUID();
            String reviewId = "review-" + UUID.randomUUID();
            EventEnvelope requested = reviewRequested(engagementId, reviewId);
            coordinationService.publish(requested);
            awaitOpen(reviewId);

            JsonNode opened = review(reviewId);
            assertThat(opened.get("engagementId").asString()).isEqualTo(engagementId);
            assertThat(opened.get("planVersion").asInt()).isEqualTo(2);
            assertThat(opened.get("customerOrganisation").asString()).isEqualTo("Acme Corp");
            assertThat(opened.get("csm").asString()).isEqualTo("casey.csm");
            assertThat(opened.get("referenceSize").asString()).isEqualTo("3k");
            assertThat(opened.get("deviationCount").asInt()).isEqualTo(1);
            // Support sees what the performance verdict rests on
            assertThat(opened.get("performance").get("verdict").asString()).isEqualTo("BELOW_GPT_THRESHOLDS");
            assertThat(opened.get("performance").get("basisKind").asString()).isEqualTo("GPT_THRESHOLDS");
            assertThat(opened.get("performance").get("basis").asString()).isEqualTo(CoordinationServiceStandIn.BASIS);
            assertThat(opened.get("performance").get("testsFellShort").get(0).asString()).isEqualTo("api_v4_groups");
            assertThat(opened.get("verdict").isNull()).isTrue();
            assertThat(opened.get("version").asLong()).isZero();

            JsonNode openedHistory = history(reviewId);
            assertThat(openedHistory).hasSize(1);
            JsonNode openedEntry = openedHistory.get(0);
            assertThat(openedEntry.get("type").asString()).isEqualTo("SupportReviewOpened");
            assertThat(openedEntry.get("schemaRevision").asString()).isEqualTo("1");
            assertThat(openedEntry.get("actor").asString()).isEqualTo("review-service");
            assertThat(openedEntry.get("actorRole").asString()).isEqualTo("INTEGRATION");
            assertThat(openedEntry.get("correlationId").asString()).isEqualTo(requested.correlationId());
            assertThat(openedEntry.get("causationId").asString()).isEqualTo(requested.eventId());
            assertThat(openedEntry.get("origin").asString()).startsWith("kafka " + Topics.COORDINATION + "-");
            assertThat(openedEntry.get("payload").get("deviations").get(0).get("component").asString())
                    .isEqualTo("gitaly");

            Published openedRecord = awaitPublished(reviewTopic, "SupportReviewOpened", reviewId);
            assertThat(openedRecord.key()).isEqualTo(engagementId);
            assertThat(openedRecord.envelope().get("caseId").asString()).isEqualTo(engagementId);
            assertThat(openedRecord.envelope().get("producer").asString()).isEqualTo("review-service");
            assertThat(openedRecord.envelope().get("correlationId").asString()).isEqualTo(requested.correlationId());
            assertThat(openedRecord.envelope().get("payload").get("planVersion").asInt()).isEqualTo(2);

            // Kafka delivers at least once: the same event again, then another review of the same case
            // behind it on the same partition. Once that one is open, the duplicate has been handled.
            coordinationService.publish(requested);
            String secondReviewId = "review-" + UUID.randomUUID();
            coordinationService.publish(reviewRequested(engagementId, secondReviewId));
            awaitOpen(secondReviewId);
            assertThat(history(reviewId)).hasSize(1);
            assertThat(jdbc.sql("SELECT COUNT(*) FROM processed_integration_event WHERE event_id = :id")
                    .param("id", requested.eventId()).query(Long.class).single()).isEqualTo(1);

            JsonNode queue = http.get().uri("/support-reviews?status=OPEN").exchange()
                    .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
            assertThat(queue.findValuesAsString("reviewId")).contains(reviewId, secondReviewId);

            complete(reviewId, "sam.senior", "SENIOR_SUPPORT_ENGINEER")
                    .header("X-Correlation-Id", "corr-complete-1")
                    .bodyValue(Map.of("verdict", "SUPPORTABLE_WITH_CHANGES",
                            "recommendations", List.of("Add a second Gitaly node")))
                    .exchange()
                    .expectStatus().isNoContent();

            // the deprecated version 1 goes out next to version 2, derived from it, as the same event
            Published completed = Published.awaitFound(reviewTopic, "SupportReviewCompleted", 1, "reviewId", reviewId);
            Published latest = Published.awaitFound(reviewTopic, "SupportReviewCompleted", 2, "reviewId", reviewId);
            assertThat(latest.key()).isEqualTo(engagementId);
            assertThat(latest.envelope().get("eventId")).isEqualTo(completed.envelope().get("eventId"));
            assertThat(latest.envelope().get("payload").get("reviewerRole").asString())
                    .isEqualTo("SENIOR_SUPPORT_ENGINEER");
            assertThat(latest.envelope().get("payload").has("reviewerLevel")).isFalse();
            assertThat(completed.key()).isEqualTo(engagementId);
            JsonNode envelope = completed.envelope();
            assertThat(envelope.get("caseId").asString()).isEqualTo(engagementId);
            assertThat(envelope.get("producer").asString()).isEqualTo("review-service");
            assertThat(envelope.get("aggregateId").asString()).isEqualTo(reviewId);
            assertThat(envelope.get("aggregateSequence").asLong()).isEqualTo(1);
            assertThat(envelope.get("schemaVersion").asInt()).isEqualTo(1);
            assertThat(envelope.get("actor").get("principal").asString()).isEqualTo("sam.senior");
            assertThat(envelope.get("actor").get("role").asString()).isEqualTo("SENIOR_SUPPORT_ENGINEER");
            assertThat(envelope.get("correlationId").asString()).isEqualTo("corr-complete-1");
            assertThat(envelope.get("origin").asString())
                    .isEqualTo("HTTP POST /support-reviews/" + reviewId + "/completion");
            JsonNode payload = envelope.get("payload");
            assertThat(payload.get("engagementId").asString()).isEqualTo(engagementId);
            assertThat(payload.get("planVersion").asInt()).isEqualTo(2);
            assertThat(payload.get("verdict").asString()).isEqualTo("SUPPORTABLE_WITH_CHANGES");
            assertThat(payload.get("recommendations").get(0).asString()).isEqualTo("Add a second Gitaly node");
            assertThat(payload.get("reviewer").asString()).isEqualTo("sam.senior");
            assertThat(payload.get("reviewerLevel").asString()).isEqualTo("SENIOR_SUPPORT_ENGINEER");

            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(review(reviewId).get("status").asString()).isEqualTo("COMPLETED"));
            JsonNode done = review(reviewId);
            assertThat(done.get("verdict").asString()).isEqualTo("SUPPORTABLE_WITH_CHANGES");
            assertThat(done.get("reviewer").asString()).isEqualTo("sam.senior");
            assertThat(done.get("version").asLong()).isEqualTo(1);
            JsonNode stillOpen = http.get().uri("/support-reviews?status=OPEN").exchange()
                    .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
            assertThat(stillOpen.findValuesAsString("reviewId")).doesNotContain(reviewId).contains(secondReviewId);

            long before = storedEvents();
            complete(reviewId, "max.manager", "SUPPORT_MANAGER")
                    .bodyValue(Map.of("verdict", "NOT_SUPPORTABLE", "recommendations", List.of("Start over")))
                    .exchange()
                    .expectStatus().isEqualTo(409)
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.rule").isEqualTo("support-review-already-completed");
            assertThat(storedEvents()).isEqualTo(before);
        }
    }

    @Test
    void aSupportEngineerMayNotCompleteAReview() throws Exception {
        // Refused at the edge by the access table; the aggregate refuses it too (SupportReviewTest).
        String reviewId = openReview();
        long before = storedEvents();
        complete(reviewId, "sue.engineer", "SUPPORT_ENGINEER")
                .bodyValue(Map.of("verdict", "SUPPORTABLE", "recommendations", List.of()))
                .exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(403);
        assertThat(storedEvents()).isEqualTo(before);
        assertThat(history(reviewId)).hasSize(1);
        JsonNode review = review(reviewId);
        assertThat(review.get("status").asString()).isEqualTo("OPEN");
        assertThat(review.get("version").asLong()).isZero();
    }

    @Test
    void badInputIsRefusedWithProblemDetailsAndChangesNothing() throws Exception {
        String reviewId = openReview();
        long before = storedEvents();
        complete(reviewId, "sam.senior", "SENIOR_SUPPORT_ENGINEER")
                .bodyValue(Map.of("recommendations", List.of("no verdict given")))
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(400);
        complete(reviewId, "sam.senior", "SENIOR_SUPPORT_ENGINEER")
                .bodyValue(Map.of("verdict", "NOT_A_VERDICT"))
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        complete(reviewId, "sam.senior", "SENIOR_SUPPORT_ENGINEER")
                .bodyValue(Map.of("verdict", "NOT_SUPPORTABLE", "recommendations", List.of(" ")))
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        complete(reviewId, "sam.senior", "SENIOR_SUPPORT_ENGINEER")
                .bodyValue(Map.of("verdict", "NOT_SUPPORTABLE"))
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail")
                .isEqualTo("recommendations: a verdict of NOT_SUPPORTABLE needs at least one recommendation");
        http.get().uri("/support-reviews?status=NOT_A_STATUS").exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(storedEvents()).isEqualTo(before);
        assertThat(review(reviewId).get("status").asString()).isEqualTo("OPEN");
    }

    @Test
    void aCompletionWithoutATokenIsUnauthorized() throws Exception {
        String reviewId = openReview();
        long before = storedEvents();
        anonymous.post().uri("/support-reviews/{id}/completion", reviewId).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("verdict", "SUPPORTABLE"))
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(storedEvents()).isEqualTo(before);
    }

    @TestFactory
    Stream<DynamicTest> everyLineOfTheAccessTableIsEnforced() {
        return AccessTableWalk.walk(anonymous, accessPolicy.rules());
    }

    @Test
    void anUnknownReviewIsNotFound() {
        http.get().uri("/support-reviews/{id}", "no-such-review").exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        http.get().uri("/support-reviews/{id}/history", "no-such-review").exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        long before = storedEvents();
        complete("no-such-review", "sam.senior", "SENIOR_SUPPORT_ENGINEER")
                .bodyValue(Map.of("verdict", "SUPPORTABLE"))
                .exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void otherEventsAreIgnoredAndRefusedRequestsAreRecordedWithoutHoldingUpTheCase() throws Exception {
        String engagementId = "engagement-" + UUID.randomUUID();
        coordinationService.publish(envelope(engagementId, "EngagementOpened", json.valueToTree(
                new EngagementOpened(engagementId, "Acme Corp", "casey.csm", List.of("GROWTH"), "OMNIBUS_MULTI_NODE"))));
        String invalidReviewId = "review-" + UUID.randomUUID();
        EventEnvelope invalid = envelope(engagementId, "SupportReviewRequested", json.valueToTree(
                new SupportReviewRequested(engagementId, invalidReviewId, 2, "Acme Corp", "casey.csm", "3k",
                        List.of(), null)));
        coordinationService.publish(invalid);
        String reviewId = "review-" + UUID.randomUUID();
        coordinationService.publish(reviewRequested(engagementId, reviewId));
        // another event (not a redelivery) asking again for a review that is already open
        EventEnvelope requestedAgain = reviewRequested(engagementId, reviewId);
        coordinationService.publish(requestedAgain);
        // the same case's next record, behind all of these on the same partition
        String nextReviewId = "review-" + UUID.randomUUID();
        coordinationService.publish(reviewRequested(engagementId, nextReviewId));

        awaitOpen(nextReviewId);
        assertThat(outcomeOf(invalid)).isEqualTo("REJECTED");
        assertThat(outcomeOf(requestedAgain)).isEqualTo("REJECTED");
        assertThat(jdbc.sql("SELECT detail FROM processed_integration_event WHERE event_id = :id")
                .param("id", requestedAgain.eventId()).query(String.class).single())
                .isEqualTo("Support review " + reviewId + " is already open for engagement " + engagementId);
        http.get().uri("/support-reviews/{id}", invalidReviewId).exchange().expectStatus().isNotFound();
        assertThat(history(reviewId)).hasSize(1);
        // ignored by this consumer (the ticket listener keeps its own directory of engagements)
        assertThat(jdbc.sql("""
                        SELECT COUNT(*) FROM processed_integration_event
                        WHERE consumer = 'support-review-requests' AND event_type = 'EngagementOpened'""")
                .query(Long.class).single()).isZero();
    }

    String outcomeOf(EventEnvelope envelope) {
        return jdbc.sql("SELECT outcome FROM processed_integration_event WHERE event_id = :id")
                .param("id", envelope.eventId()).query(String.class).single();
    }
}
