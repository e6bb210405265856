package com.upgradecoordination.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.upgradecoordination.local.LocalStack.Service;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/**
 * Support's Upgrade Assistance workflow end to end (SPEC T1-T10): the customer's request states an
 * upgrade path that skips required stops; Support asks for the missing information; the corrected
 * request is complete; an engineer takes it, books the review call, the upgrade is scheduled and
 * the ticket waits on hold until the customer reports success. The CSM who follows the ticket is
 * the one coordination-service announced on Kafka when the engagement opened.
 */
@ExtendWith(SharedRunningStack.class)
class UpgradeAssistanceEndToEndIT {

    static RunningStack running;

    @BeforeAll
    static void useTheSharedStack(RunningStack shared) {
        running = shared;
    }

    static final LocalDate UPGRADE_DATE = LocalDate.now(ZoneOffset.UTC).plusDays(10);

    /** 16.3.9 to 17.3.7 straight: skips the 16.7 and 16.11 stops and leaves the conditional 17.1 stop unanswered. */
    static Map<String, Object> details(List<String> upgradePath, Map<String, Boolean> instanceConditions) {
        Map<String, Object> details = new HashMap<>();
        details.put("currentVersion", "16.3.9");
        details.put("targetVersion", "17.3.7");
        details.put("upgradePath", upgradePath);
        details.put("instanceConditions", instanceConditions);
        details.put("upgradePlan", "Backup, then each version of the path with its background migrations finished");
        details.put("rollbackPlan", "Restore the backup with gitlab-secrets.json and gitlab.rb on 16.3.9");
        details.put("architecture", "Omnibus, 10k reference architecture");
        details.put("contactEmail", "ops@acme.example");
        details.put("upgradeDate", UPGRADE_DATE.toString());
        details.put("upgradeTime", "02:00:00");
        details.put("upgradeTimezone", "Europe/Berlin");
        details.put("stagingNotes", "Simulated in staging without issues");
        return details;
    }

    @Test
    void aRequestWithABadUpgradePathIsCorrectedWorkedAndSolved() {
        WebTestClient csm = running.as(Service.COORDINATION, "casey.csm", "CSM");
        String engagementId = new Engagements(csm).open("Acme Upgrades", "casey.csm");

        WebTestClient portal = running.as(Service.REVIEW, "support-portal", "INTEGRATION");
        WebTestClient sue = running.as(Service.REVIEW, "sue.engineer", "SUPPORT_ENGINEER");
        JsonNode created = portal.post().uri("/tickets")
                .bodyValue(Map.of("form", "STANDARD", "organisation", "Acme Upgrades", "engagementId", engagementId,
                        "details", details(List.of("17.3.7"), Map.of())))
                .exchange().expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        String ticketId = created.get("ticketId").asString();

        // T4: the skipped stops and the unanswered condition are listed; the ticket pends on the customer
        JsonNode pending = awaitTicket(sue, ticketId, t -> "PENDING".equals(t.get("status").asString()));
        assertThat(pending.get("priority").asString()).isEqualTo("HIGH");
        List<String> kinds = new ArrayList<>();
        pending.get("deficiencies").forEach(d -> kinds.add(d.get("kind").asString()));
        assertThat(kinds).contains("SKIPPED_UPGRADE_STOP", "CONDITIONAL_STOP_UNANSWERED")
                .doesNotContain("MISSING", "NO_ROLLBACK_PLAN");
        assertThat(pending.get("deficiencies").toString()).contains("16.7", "16.11", "17.1");

        // T3: the CSM follows, learnt from coordination-service's EngagementOpened on Kafka
        JsonNode followed = awaitTicket(sue, ticketId, t -> t.get("followers").size() == 1);
        assertThat(followed.get("followers").get(0).get("name").asString()).isEqualTo("casey.csm");
        assertThat(followed.get("followers").get(0).get("source").asString()).isEqualTo("COORDINATION");

        // the customer's corrected path passes every stop and answers the question
        portal.post().uri("/tickets/{id}/customer-information", ticketId)
                .bodyValue(details(List.of("16.7.10", "16.11.10", "17.3.7"),
                        Map.of("LARGE_CI_PIPELINE_MESSAGES_TABLE", false)))
                .exchange().expectStatus().isNoContent();
        awaitTicket(sue, ticketId, t -> t.get("informationComplete").asBoolean());

        // T2, T7, T9: assigned, call booked and held, scheduled and on hold
        sue.post().uri("/tickets/{id}/assignment", ticketId).exchange().expectStatus().isNoContent();
        awaitTicket(sue, ticketId, t -> "OPEN".equals(t.get("status").asString()));
        portal.post().uri("/tickets/{id}/review-call", ticketId).exchange().expectStatus().isNoContent();
        awaitTicket(sue, ticketId, t -> "REQUESTED".equals(t.get("reviewCall").get("state").asString()));
        sue.post().uri("/tickets/{id}/review-call/link", ticketId).exchange().expectStatus().isNoContent();
        sue.post().uri("/tickets/{id}/review-call/held", ticketId)
                .bodyValue(Map.of("notes", "Walked through each stop and the rollback"))
                .exchange().expectStatus().isNoContent();
        awaitTicket(sue, ticketId, t -> "HELD".equals(t.get("reviewCall").get("state").asString()));
        portal.post().uri("/tickets/{id}/upgrade-schedule", ticketId).exchange().expectStatus().isNoContent();
        JsonNode onHold = awaitTicket(sue, ticketId, t -> "ON_HOLD".equals(t.get("status").asString()));
        assertThat(onHold.get("statusLabel").asString()).isEqualTo("on-hold");

        // T9: the customer reports success and the ticket is solved
        portal.post().uri("/tickets/{id}/upgrade-outcome", ticketId).bodyValue(Map.of("outcome", "SUCCEEDED"))
                .exchange().expectStatus().isNoContent();
        awaitTicket(sue, ticketId, t -> "SOLVED".equals(t.get("status").asString()));

        JsonNode history = sue.get().uri("/tickets/{id}/history", ticketId).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        List<String> types = new ArrayList<>();
        history.forEach(entry -> types.add(entry.get("type").asString()));
        assertThat(types).containsSubsequence("UpgradeAssistanceRequested", "MissingInformationRequested",
                "CustomerInformationProvided", "RequiredInformationComplete", "TicketAssigned", "ReviewCallRequested",
                "ReviewCallLinkSent", "ReviewCallHeld", "UpgradeScheduled", "UpgradeOutcomeReported");
        assertThat(types).contains("CsmAddedAsFollower");
    }

    static JsonNode awaitTicket(WebTestClient client, String ticketId, Predicate<JsonNode> condition) {
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            JsonNode ticket = client.get().uri("/tickets/{id}", ticketId).exchange()
                    .returnResult(JsonNode.class).getResponseBody().blockFirst();
            return ticket != null && ticket.has("status") && condition.test(ticket);
        });
        return client.get().uri("/tickets/{id}", ticketId).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
    }
}
