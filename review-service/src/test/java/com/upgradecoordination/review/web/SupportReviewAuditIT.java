package com.upgradecoordination.review.web;

import static com.upgradecoordination.review.web.CoordinationServiceStandIn.KAFKA_WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.upgradecoordination.devsupport.EventStoreTampering;
import com.upgradecoordination.devsupport.ServiceHttpTest;
import com.upgradecoordination.devsupport.ServiceTestSettings;
import com.upgradecoordination.devsupport.TestClients;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** The platform's audit endpoints over support reviews: as-of, tamper evidence in PostgreSQL, rebuild. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=review-service")
class SupportReviewAuditIT extends ServiceHttpTest {

    @AutoClose
    static final CoordinationServiceStandIn coordinationService = new CoordinationServiceStandIn();

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        ServiceTestSettings.register(registry, "review-service");
    }

    String openedReview() throws Exception {
        String reviewId = coordinationService.requestReview();
        await().atMost(KAFKA_WAIT).until(() -> http.get().uri("/audit/aggregates/{id}/verify", reviewId)
                .exchange().returnResult(String.class).getStatus().value() == 200);
        return reviewId;
    }

    @Test
    void aSupportReviewsStateAsOfItsOpeningIsReplayedThroughItsOwnHandlers() throws Exception {
        String reviewId = openedReview();

        JsonNode opened = get("/audit/aggregates/{id}/state?asOfSequence=0", reviewId);

        assertThat(opened.get("aggregateType").asString()).isEqualTo("SupportReview");
        assertThat(opened.get("state").get("reviewId").asString()).isEqualTo(reviewId);
        assertThat(opened.get("state").get("completed").asBoolean()).isFalse();
        String before = java.time.Instant.parse(opened.get("asOfTime").asString()).minusMillis(1).toString();
        http.get().uri("/audit/aggregates/{id}/state?asOf={at}", reviewId, before).exchange()
                .expectStatus().isNotFound();
    }

    @Test
    void aPayloadAlteredInPostgresqlIsNamedByTheVerificationOfTheStreamAndOfItsCase() throws Exception {
        String reviewId = openedReview();
        String engagementId = get("/audit/aggregates/{id}/history", reviewId)
                .get("events").get(0).get("payload").get("engagementId").asString();
        assertThat(get("/audit/cases/{id}/verify", engagementId).get("status").asString()).isEqualTo("INTACT");

        EventStoreTampering.Alteration altered = EventStoreTampering.alterPayload(jdbc, reviewId, 0,
                payload -> payload.replace("Acme Corp", "Evil Corp"));

        JsonNode broken = get("/audit/aggregates/{id}/verify", reviewId);
        assertThat(broken.get("status").asString()).isEqualTo("BROKEN");
        assertThat(broken.get("firstBrokenLink").get("sequence").asLong()).isZero();
        assertThat(broken.get("firstBrokenLink").get("eventId").asString()).isEqualTo(altered.eventId());
        assertThat(broken.get("firstBrokenLink").get("differingColumns").get(0).asString()).isEqualTo("payload");
        JsonNode theCase = get("/audit/cases/{id}/verify", engagementId);
        assertThat(theCase.get("status").asString()).isEqualTo("BROKEN");
        assertThat(theCase.get("streams").get(0).get("aggregateId").asString()).isEqualTo(reviewId);

        altered.undo();
        assertThat(get("/audit/aggregates/{id}/verify", reviewId).get("status").asString()).isEqualTo("INTACT");
    }

    @Test
    void theSupportReviewSummaryIsRebuiltToTheSameRows() throws Exception {
        openedReview();
        openedReview();
        // reviews of other tests may still be arriving over Kafka: take the snapshot once the read
        // model holds every review the event store holds
        await().atMost(Duration.ofSeconds(20)).until(() -> summaries().size() >= 2
                && summaries().size() == storedReviews());
        List<Map<String, Object>> before = summaries();

        TestClients.as(port, "sam.manager", "SUPPORT_MANAGER").post()
                .uri("/audit/read-models/support-review-summary/rebuild").exchange().expectStatus().isAccepted();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode progress = get("/audit/read-models/support-review-summary");
            assertThat(progress.get("eventsDone").asLong()).isEqualTo(progress.get("eventsTotal").asLong());
            // a review arriving after the snapshot is rebuilt too; the snapshot's rows must come back as they were
            assertThat(summaries()).containsAll(before);
        });
    }

    /**
     * A completion stored by the service before revision 2 of SupportReviewCompletedEvent, as it was
     * stored: the payload names the role {@code reviewerLevel}, revision '1', metadata as the service
     * writes it. The upcaster reads it as revision 2 wherever the event store is read.
     */
    @Test
    void aCompletionStoredInRevision1IsReadThroughTheUpcaster() throws Exception {
        String reviewId = openedReview();
        JsonNode opened = get("/audit/aggregates/{id}/history", reviewId).get("events").get(0).get("payload");
        String payload = """
                {"reviewId":"%s","engagementId":"%s","planVersion":%d,"verdict":"SUPPORTABLE_WITH_CHANGES",\
                "recommendations":["Add a second Gitaly node"],"reviewer":"sam.manager","reviewerLevel":"SUPPORT_MANAGER"}"""
                .formatted(reviewId, opened.get("engagementId").asString(), opened.get("planVersion").asInt());
        jdbc.sql("""
                        INSERT INTO domainevententry (aggregateidentifier, sequencenumber, type, eventidentifier,
                            metadata, payload, payloadrevision, payloadtype, timestamp)
                        SELECT aggregateidentifier, 1, type, :eventId, metadata, convert_to(:payload, 'UTF8'), '1',
                            'com.upgradecoordination.review.api.SupportReviewCompletedEvent', :timestamp
                        FROM domainevententry WHERE aggregateidentifier = :reviewId AND sequencenumber = 0""")
                .param("eventId", UUID.randomUUID().toString()).param("payload", payload)
                .param("timestamp", Instant.now().toString()).param("reviewId", reviewId).update();

        JsonNode completed = get("/audit/aggregates/{id}/history", reviewId).get("events").get(1);
        assertThat(completed.get("payload").get("reviewerRole").asString()).isEqualTo("SUPPORT_MANAGER");
        assertThat(completed.get("payload").has("reviewerLevel")).isFalse();
        assertThat(get("/audit/aggregates/{id}/state", reviewId).get("state").get("completed").asBoolean()).isTrue();
        await().atMost(Duration.ofSeconds(20)).until(() -> "SUPPORT_MANAGER".equals(reviewerLevelInSummary(reviewId)));

        // the rebuild replays the stored row again, through the upcaster
        jdbc.sql("UPDATE support_review_summary SET reviewer_level = NULL WHERE review_id = :id")
                .param("id", reviewId).update();
        TestClients.as(port, "sam.manager", "SUPPORT_MANAGER").post()
                .uri("/audit/read-models/support-review-summary/rebuild").exchange().expectStatus().isAccepted();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(reviewerLevelInSummary(reviewId)).isEqualTo("SUPPORT_MANAGER"));
    }

    String reviewerLevelInSummary(String reviewId) {
        return jdbc.sql("SELECT reviewer_level FROM support_review_summary WHERE review_id = :id")
                .param("id", reviewId).query(String.class).optional().orElse(null);
    }

    long storedReviews() {
        return jdbc.sql("SELECT COUNT(DISTINCT aggregateidentifier) FROM domainevententry WHERE type = 'SupportReview'")
                .query(Long.class).single();
    }

    List<Map<String, Object>> summaries() {
        return jdbc.sql("SELECT * FROM support_review_summary ORDER BY review_id").query().listOfRows();
    }
}
