package com.upgradecoordination.coordination.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.upgradecoordination.coordination.domain.ReferenceArchitectureCatalog;
import com.upgradecoordination.devsupport.NewerProducer;
import com.upgradecoordination.devsupport.ServiceHttpTest;
import com.upgradecoordination.devsupport.ServiceTestSettings;
import com.upgradecoordination.devsupport.TestBroker;
import com.upgradecoordination.devsupport.TestClients;
import com.upgradecoordination.devsupport.TestTokens;
import com.upgradecoordination.devsupport.TopicRecorder;
import com.upgradecoordination.events.EventEnvelope;
import com.upgradecoordination.events.Topics;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** SPEC C7 over HTTP and Kafka: a plan version is shared with Support and its feedback joins the history. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=coordination-service")
class PlanSharingIT extends ServiceHttpTest {

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        ServiceTestSettings.register(registry, "coordination-service");
    }

    @Autowired
    ReferenceArchitectureCatalog catalog;

    final JsonMapper json = JsonMapper.builder().build();
    EngagementSteps engagements;

    @BeforeEach
    void client() {
        engagements = new EngagementSteps(TestClients.anonymous(port), catalog);
    }

    String sharedPlanReviewId(String engagementId) {
        JsonNode shared = engagements.post("/engagements/{id}/plan-reviews", engagementId).exchange()
                .expectStatus().isAccepted()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(shared.get("engagementId").asString()).isEqualTo(engagementId);
        return shared.get("planReviewId").asString();
    }

    @Test
    void aSharedPlanIsPublishedAndSupportsFeedbackJoinsTheHistory() throws Exception {
        String engagementId = engagements.open("Plan Review Corp", "casey.csm");
        engagements.requirements(engagementId, 3000, "2027-09-30");
        engagements.submitPlan(engagementId, "3k", true);

        String planReviewId;
        try (TopicRecorder coordinationTopic =
                     TopicRecorder.fromNow(TestBroker.shared().bootstrapServers(), Topics.COORDINATION)) {
            planReviewId = sharedPlanReviewId(engagementId);
            JsonNode published = await().atMost(ReviewServiceStandIn.KAFKA_WAIT).until(
                    () -> coordinationTopic.received().stream().map(r -> json.readTree(r.value()))
                            .filter(e -> e.get("type").asString().equals("PlanSharedWithSupport"))
                            .filter(e -> e.get("caseId").asString().equals(engagementId))
                            .findFirst(),
                    java.util.Optional::isPresent).orElseThrow();
            JsonNode payload = published.get("payload");
            assertThat(payload.get("planReviewId").asString()).isEqualTo(planReviewId);
            assertThat(payload.get("planVersion").asInt()).isEqualTo(1);
            assertThat(payload.get("conforms").asBoolean()).isFalse();
            assertThat(payload.get("deviations").get(0).get("component").asString()).isEqualTo("gitaly");
            assertThat(payload.get("planDocumentUrl").asString()).isEqualTo("https://gitlab.example/acme/collab/-/wikis/plan");
        }

        try (ReviewServiceStandIn reviewService = new ReviewServiceStandIn()) {
            EventEnvelope completed = ReviewServiceStandIn.planReviewCompleted(engagementId, planReviewId, 1,
                    List.of("Gitaly on one node has no failover"), "Supportable once Gitaly has three nodes");
            reviewService.publish(completed);
            JsonNode history = engagements.awaitHistoryEndingWith(engagementId, "PlanReviewCompleted",
                    ReviewServiceStandIn.KAFKA_WAIT);
            JsonNode recorded = history.get(history.size() - 1);
            assertThat(recorded.get("payload").get("planReviewId").asString()).isEqualTo(planReviewId);
            assertThat(recorded.get("payload").get("feedback").get(0).asString())
                    .isEqualTo("Gitaly on one node has no failover");
            assertThat(recorded.get("payload").get("reviewer").asString()).isEqualTo("sue.engineer");
            assertThat(recorded.get("actorRole").asString()).isEqualTo("INTEGRATION");
            assertThat(recorded.get("causationId").asString()).isEqualTo(completed.eventId());

            // the same event again, and feedback on a review nobody asked for, change nothing
            long before = storedEvents();
            reviewService.publish(completed);
            EventEnvelope unknown = ReviewServiceStandIn.planReviewCompleted(engagementId, "plan-review-unknown", 1,
                    List.of(), "none");
            reviewService.publish(unknown);
            await().atMost(ReviewServiceStandIn.KAFKA_WAIT).until(() -> jdbc.sql("""
                            SELECT COUNT(*) FROM processed_integration_event
                            WHERE event_id = :id AND outcome = 'REJECTED'""")
                    .param("id", unknown.eventId()).query(Long.class).single() == 1);
            assertThat(storedEvents()).isEqualTo(before);
        }
    }

    @Test
    void aNewerProducersFieldsAreIgnoredAndAnUnknownVerdictIsRefusedIntoTheInbox() throws Exception {
        String engagementId = engagements.open("Newer Producer Corp", "casey.csm");
        engagements.requirements(engagementId, 3000, "2027-09-30");
        engagements.submitPlan(engagementId, "3k", true);
        String planReviewId = sharedPlanReviewId(engagementId);

        try (ReviewServiceStandIn reviewService = new ReviewServiceStandIn()) {
            reviewService.publish(engagementId, NewerProducer.write(ReviewServiceStandIn.planReviewCompleted(
                    engagementId, planReviewId, 1, List.of("Gitaly on one node has no failover"), "Three nodes")));
            JsonNode history = engagements.awaitHistoryEndingWith(engagementId, "PlanReviewCompleted",
                    ReviewServiceStandIn.KAFKA_WAIT);
            JsonNode recorded = history.get(history.size() - 1).get("payload");
            assertThat(recorded.get("feedback").get(0).asString()).isEqualTo("Gitaly on one node has no failover");
            assertThat(recorded.toString()).doesNotContain(NewerProducer.UNKNOWN_FIELD);

            // a verdict this version does not know cannot become the engagement's outcome: refused, not retried
            long before = storedEvents();
            EventEnvelope unknownVerdict = ReviewServiceStandIn.supportReviewCompleted(engagementId,
                    "review-" + UUID.randomUUID(), "SUPPORTABLE");
            reviewService.publish(engagementId, NewerProducer.write(unknownVerdict, "/verdict", "SUPPORTABLE_IN_PARTS"));
            String reason = await().atMost(ReviewServiceStandIn.KAFKA_WAIT).until(() -> jdbc.sql("""
                            SELECT detail FROM processed_integration_event
                            WHERE event_id = :id AND outcome = 'REJECTED'""")
                    .param("id", unknownVerdict.eventId()).query(String.class).optional(), Optional::isPresent)
                    .orElseThrow();
            assertThat(reason).contains("SUPPORTABLE_IN_PARTS");
            assertThat(storedEvents()).isEqualTo(before);
        }
    }

    @Test
    void sharingNeedsAPlanAndOnePendingReviewPerVersion() {
        String engagementId = engagements.open("Early Share Corp", "casey.csm");
        long before = storedEvents();
        engagements.post("/engagements/{id}/plan-reviews", engagementId).exchange()
                .expectStatus().isEqualTo(409)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.rule").isEqualTo("requires-plan");
        assertThat(storedEvents()).isEqualTo(before);

        engagements.requirements(engagementId, 3000, "2027-09-30");
        engagements.submitPlan(engagementId, "3k", false);
        sharedPlanReviewId(engagementId);
        engagements.post("/engagements/{id}/plan-reviews", engagementId).exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.rule").isEqualTo("plan-review-already-pending");
    }

    @Test
    void onlyTheCsmSharesAPlanAndAStaleIfMatchIsRefused() {
        String engagementId = engagements.open("Role Corp", "casey.csm");
        engagements.requirements(engagementId, 3000, "2027-09-30");
        engagements.submitPlan(engagementId, "3k", false);
        long before = storedEvents();
        TestClients.anonymous(port).post().uri("/engagements/{id}/plan-reviews", engagementId)
                .headers(TestTokens.bearer("pat.proserv", "PROSERV")).exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        engagements.post("/engagements/{id}/plan-reviews", engagementId).header("If-Match", "\"0\"").exchange()
                .expectStatus().isEqualTo(409)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        engagements.post("/engagements/{id}/plan-reviews", engagementId).header("If-Match", "W/\"1\"").exchange()
                .expectStatus().isBadRequest();
        assertThat(storedEvents()).isEqualTo(before);
    }
}
