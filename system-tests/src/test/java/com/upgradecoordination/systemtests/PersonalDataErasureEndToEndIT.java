package com.upgradecoordination.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.upgradecoordination.local.LocalStack.Service;
import com.upgradecoordination.platform.personaldata.PersonHash;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/**
 * An erasure at coordination-service reaches the other services (docs/personal-data.md): a CSM whose
 * name review-service (a plan review) and notification-service (a notification to the CSM) hold is
 * erased; both then show "erased" where they had the CSM, record the erasure in their own store, and
 * their hash chains stay INTACT.
 */
@ExtendWith(SharedRunningStack.class)
class PersonalDataErasureEndToEndIT {

    static final String CSM = "riley.csm";

    static RunningStack running;

    @BeforeAll
    static void useTheSharedStack(RunningStack shared) {
        running = shared;
    }

    @Test
    void aCsmErasedAtCoordinationIsForgottenByReviewAndNotification() {
        Engagements engagements = new Engagements(running.as(Service.COORDINATION, CSM, "CSM"));
        String engagementId = engagements.open("Acme Corp", CSM);
        engagements.recordRequirementsFor10k(engagementId);
        engagements.submitDeviatingPlan(engagementId);
        String planReviewId = engagements.sharePlanWithSupport(engagementId);

        WebTestClient engineer = running.as(Service.REVIEW, "erin.engineer", "SUPPORT_ENGINEER");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                engineer.get().uri("/plan-reviews/{id}", planReviewId).exchange()
                        .expectStatus().isOk().expectBody().jsonPath("$.csm").isEqualTo(CSM));
        engineer.post().uri("/plan-reviews/{id}/completion", planReviewId)
                .bodyValue(Map.of("summary", "Sound plan", "noConcerns", true))
                .exchange().expectStatus().is2xxSuccessful();
        WebTestClient csmInbox = running.as(Service.NOTIFICATION, CSM, "CSM");
        String notificationId = await().atMost(Duration.ofSeconds(60)).until(() -> {
            JsonNode entries = csmInbox.get().uri("/inbox/{recipient}", CSM).exchange()
                    .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
            for (JsonNode entry : entries) {
                if ("PlanReviewCompleted".equals(entry.get("sourceEventType").asString())) {
                    return entry.get("id").asString();
                }
            }
            return null;
        }, id -> id != null);

        String personHash = PersonHash.of(CSM);
        running.as(Service.COORDINATION, "morgan.manager", "SUPPORT_MANAGER")
                .post().uri("/personal-data/erasures").bodyValue(Map.of("person", CSM))
                .exchange().expectStatus().isCreated()
                .expectBody().jsonPath("$.personHash").isEqualTo(personHash);

        WebTestClient reviewAuditor = running.as(Service.REVIEW, "alex.auditor", "AUDITOR");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                engineer.get().uri("/plan-reviews/{id}", planReviewId).exchange()
                        .expectStatus().isOk().expectBody().jsonPath("$.csm").isEqualTo("erased"));
        assertErasureRecordedAndChainsIntact(reviewAuditor, personHash, planReviewId, "review-service");
        JsonNode opened = reviewAuditor.get().uri("/audit/aggregates/{id}/history", planReviewId).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody().get("events").get(0);
        assertThat(opened.get("payload").get("csm").asString()).isEqualTo("erased");

        WebTestClient notificationAuditor = running.as(Service.NOTIFICATION, "alex.auditor", "AUDITOR");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode statuses = notificationAuditor.get().uri("/notifications").exchange()
                    .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
            List<String> recipients = new ArrayList<>();
            statuses.forEach(status -> {
                if (notificationId.equals(status.get("id").asString())) {
                    recipients.add(status.get("recipient").asString());
                }
            });
            assertThat(recipients).containsExactly("erased");
        });
        assertErasureRecordedAndChainsIntact(notificationAuditor, personHash, notificationId, "notification-service");
        JsonNode queued = notificationAuditor.get().uri("/notifications/{id}/history", notificationId).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody().get(0);
        assertThat(queued.get("payload").get("recipient").asString()).isEqualTo("erased");
        assertThat(csmInbox.get().uri("/inbox/{recipient}", CSM).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody()).isEmpty();
    }

    /** The service recorded the erasure by hash, as itself; the erasure's and the case's chains hold. */
    private static void assertErasureRecordedAndChainsIntact(WebTestClient auditor, String personHash,
                                                             String aggregateId, String service) {
        JsonNode erasures = auditor.get().uri("/audit/aggregates/{id}/history", personHash).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody().get("events");
        assertThat(erasures).hasSize(1);
        assertThat(erasures.get(0).get("type").asString()).isEqualTo("PersonalDataErased");
        assertThat(erasures.get(0).get("actor").asString()).isEqualTo(service);
        assertThat(erasures.get(0).get("payload").get("personHash").asString()).isEqualTo(personHash);
        for (String id : List.of(personHash, aggregateId)) {
            auditor.get().uri("/audit/aggregates/{id}/verify", id).exchange()
                    .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("INTACT");
        }
    }
}
