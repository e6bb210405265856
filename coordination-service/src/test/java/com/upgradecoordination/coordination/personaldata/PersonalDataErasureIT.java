package com.upgradecoordination.coordination.personaldata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.upgradecoordination.devsupport.ServiceHttpTest;
import com.upgradecoordination.devsupport.ServiceTestSettings;
import com.upgradecoordination.devsupport.TestClients;
import com.upgradecoordination.platform.personaldata.PersonHash;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/**
 * Crypto-shredding end to end (issue 15 item 5), on PostgreSQL and the in-JVM broker: a CSM's
 * engagements are opened, the CSM is erased, and the history, the state as of any point, the case
 * timeline and the read model show the CSM as "erased" while every stored row stays as it was
 * and the hash chain stays intact.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        // snapshots every few events, so the erased CSM's engagement has one to be deleted
        properties = {"spring.config.name=coordination-service", "platform.snapshots.after-events=3"})
class PersonalDataErasureIT extends ServiceHttpTest {

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        ServiceTestSettings.register(registry, "coordination-service");
    }

    WebTestClient as(String principal, String role) {
        return TestClients.as(port, principal, role);
    }

    String open(String csm) {
        return as(csm, "CSM").post().uri("/engagements").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("customerOrganisation", "Acme Corp", "csm", csm,
                        "reasons", List.of("GROWTH"), "deploymentType", "OMNIBUS_MULTI_NODE"))
                .exchange().expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody().get("engagementId").asString();
    }

    void recordRequirements(String csm, String engagementId) {
        as(csm, "CSM").put().uri("/engagements/{id}/requirements", engagementId).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("currentUsers", 1800, "expectedUsers", 2800, "growthHorizonMonths", 18,
                        "highAvailability", true, "geo", false, "targetCompletionDate", "2027-09-30"))
                .exchange().expectStatus().isNoContent();
    }

    WebTestClient.ResponseSpec erase(WebTestClient client, Object body) {
        return client.post().uri("/personal-data/erasures").contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange();
    }

    /** Every stored text that names the person in clear: events, snapshots, read models, timeline, keys. */
    List<String> clearCopiesOf(String person) {
        String like = "%" + person + "%";
        return jdbc.sql("""
                        SELECT 'event payload ' || eventidentifier FROM domainevententry
                            WHERE convert_from(payload, 'UTF8') LIKE :like
                        UNION ALL SELECT 'event metadata ' || eventidentifier FROM domainevententry
                            WHERE convert_from(metadata, 'UTF8') LIKE :like
                        UNION ALL SELECT 'snapshot ' || aggregateidentifier FROM snapshotevententry
                            WHERE convert_from(payload, 'UTF8') LIKE :like
                        UNION ALL SELECT 'engagement_summary ' || engagement_id FROM engagement_summary
                            WHERE csm LIKE :like
                        UNION ALL SELECT 'engagement_deviation_step ' || engagement_id FROM engagement_deviation_step
                            WHERE done_by LIKE :like
                        UNION ALL SELECT 'engagement_assistance_request ' || engagement_id
                            FROM engagement_assistance_request WHERE asked_by LIKE :like
                        UNION ALL SELECT 'case_timeline ' || event_id FROM case_timeline
                            WHERE payload LIKE :like OR actor LIKE :like
                        UNION ALL SELECT 'personal_data_key ' || key_id FROM personal_data_key
                            WHERE person_hash LIKE :like
                        UNION ALL SELECT 'idempotency_key ' || idempotency_key FROM idempotency_key
                            WHERE principal LIKE :like""")
                .param("like", like).query(String.class).list();
    }

    List<byte[]> storedPayloads(String aggregateId) {
        return jdbc.sql("SELECT payload FROM domainevententry WHERE aggregateidentifier = :id ORDER BY sequencenumber")
                .param("id", aggregateId).query((row, number) -> row.getBytes("payload")).list();
    }

    @Test
    void anErasedCsmReadsErasedEverywhereWhileTheLogStaysVerifiable() {
        String erin = "erin.csm-" + UUID.randomUUID();
        String olive = "olive.csm-" + UUID.randomUUID();
        String engagement = open(erin);
        recordRequirements(erin, engagement);
        // sent with an Idempotency-Key: the retry cache keeps it under the CSM's principal
        String second = as(erin, "CSM").post().uri("/engagements").header("Idempotency-Key", "open-second")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("customerOrganisation", "Beta Corp", "csm", erin,
                        "reasons", List.of("GROWTH"), "deploymentType", "OMNIBUS_MULTI_NODE"))
                .exchange().expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody().get("engagementId").asString();
        String olivesEngagement = open(olive);
        await().atMost(Duration.ofSeconds(60)).until(() -> found("/audit/cases/{id}/timeline", engagement)
                .map(timeline -> timeline.get("entries").size() == 4).orElse(false));
        await().atMost(Duration.ofSeconds(60)).until(() -> found("/engagements/{id}", second).isPresent());
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql(
                "SELECT COUNT(*) FROM snapshotevententry WHERE aggregateidentifier = :id")
                .param("id", engagement).query(Long.class).single() > 0);
        // stored: only as tokens; in clear only where the service keeps copies to be erased
        assertThat(clearCopiesOf(erin)).noneMatch(copy -> copy.startsWith("event "))
                .anyMatch(copy -> copy.startsWith("snapshot")).anyMatch(copy -> copy.startsWith("engagement_summary"))
                .anyMatch(copy -> copy.startsWith("case_timeline")).anyMatch(copy -> copy.startsWith("idempotency_key"));
        JsonNode before = get("/audit/aggregates/{id}/verify", engagement);
        List<byte[]> payloadsBefore = storedPayloads(engagement);
        JsonNode openedBefore = get("/audit/aggregates/{id}/history", engagement).get("events").get(0);
        assertThat(openedBefore.get("payload").get("csm").asString()).isEqualTo(erin);
        assertThat(openedBefore.get("actor").asString()).isEqualTo(erin);

        JsonNode erasure = erase(as("sam.manager", "SUPPORT_MANAGER"), Map.of("person", erin))
                .expectStatus().isCreated()
                .expectHeader().location("/audit/aggregates/" + PersonHash.of(erin) + "/history")
                .expectBody(JsonNode.class).returnResult().getResponseBody();

        assertThat(erasure.get("personHash").asString()).isEqualTo(PersonHash.of(erin));
        assertThat(erasure.get("keysErased").asInt()).isPositive();
        assertThat(erasure.toString()).doesNotContain(erin);

        // history and state as of any point: the fields read "erased", the rest as it was
        JsonNode opened = get("/audit/aggregates/{id}/history", engagement).get("events").get(0);
        assertThat(opened.get("payload").get("csm").asString()).isEqualTo("erased");
        assertThat(opened.get("payload").get("customerOrganisation").asString()).isEqualTo("Acme Corp");
        assertThat(opened.get("actor").asString()).isEqualTo("erased");
        assertThat(opened.get("actorRole").asString()).isEqualTo("CSM");
        for (long sequence = 0; sequence <= 3; sequence++) {
            JsonNode state = get("/audit/aggregates/{id}/state?asOfSequence={s}", engagement, sequence);
            assertThat(state.toString()).as("state as of %d", sequence).doesNotContain(erin).contains("\"erased\"");
        }
        // verification: no stored row changed, the chain and its head are as before
        JsonNode after = get("/audit/aggregates/{id}/verify", engagement);
        assertThat(after.get("status").asString()).isEqualTo("INTACT");
        assertThat(after.get("head")).isEqualTo(before.get("head"));
        assertThat(get("/audit/cases/{id}/verify", engagement).get("status").asString()).isEqualTo("INTACT");
        assertThat(storedPayloads(engagement)).containsExactlyElementsOf(payloadsBefore);
        // the case timeline and the read model
        JsonNode timeline = get("/audit/cases/{id}/timeline", engagement).get("entries");
        assertThat(timeline).hasSize(4);
        assertThat(timeline.toString()).doesNotContain(erin);
        assertThat(timeline.get(0).get("payload").get("csm").asString()).isEqualTo("erased");
        assertThat(get("/engagements/{id}", engagement).get("csm").asString()).isEqualTo("erased");
        assertThat(get("/engagements/{id}", second).get("csm").asString()).isEqualTo("erased");
        // nothing stored names the CSM in clear any more; another CSM is untouched
        assertThat(clearCopiesOf(erin)).isEmpty();
        assertThat(get("/engagements/{id}", olivesEngagement).get("csm").asString()).isEqualTo(olive);
        assertThat(get("/audit/aggregates/{id}/history", olivesEngagement).get("events").get(0).get("payload")
                .get("csm").asString()).isEqualTo(olive);

        // the erasure is recorded: who and when, the person by hash only
        JsonNode recorded = get("/audit/aggregates/{id}/history", PersonHash.of(erin));
        assertThat(recorded.get("aggregateType").asString()).isEqualTo("PersonalDataErasure");
        JsonNode erased = recorded.get("events").get(0);
        assertThat(erased.get("type").asString()).isEqualTo("PersonalDataErased");
        assertThat(erased.get("actor").asString()).isEqualTo("sam.manager");
        assertThat(erased.get("actorRole").asString()).isEqualTo("SUPPORT_MANAGER");
        assertThat(erased.get("payload").get("personHash").asString()).isEqualTo(PersonHash.of(erin));
        assertThat(recorded.toString()).doesNotContain(erin);
        assertThat(get("/audit/aggregates/{id}/verify", PersonHash.of(erin)).get("status").asString())
                .isEqualTo("INTACT");

        // a second erasure finds nothing left here, and is recorded (and published) all the same:
        // the other services may have stored something of the person since
        erase(as("sam.manager", "SUPPORT_MANAGER"), Map.of("person", erin))
                .expectStatus().isCreated()
                .expectBody().jsonPath("$.keysErased").isEqualTo(0);
        assertThat(get("/audit/aggregates/{id}/history", PersonHash.of(erin)).get("events")).hasSize(2);
    }

    @Test
    void onlyASupportManagerErasesAndARefusedErasureChangesNothing() {
        String casey = "casey.csm-" + UUID.randomUUID();
        String engagement = open(casey);
        long stored = storedEvents();
        WebTestClient manager = as("sam.manager", "SUPPORT_MANAGER");

        for (String role : List.of("CSM", "AUDITOR", "SUPPORT_ENGINEER", "INTEGRATION")) {
            erase(as(casey, role), Map.of("person", casey)).expectStatus().isForbidden()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        }
        for (Object badBody : List.of(Map.of("person", " "), Map.of(), Map.of("person", "p".repeat(256)),
                Map.of("person", casey, "reason", "unknown field"))) {
            erase(manager, badBody).expectStatus().isBadRequest()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        }

        assertThat(storedEvents()).isEqualTo(stored);
        assertThat(get("/audit/aggregates/{id}/history", engagement).get("events").get(0).get("payload")
                .get("csm").asString()).isEqualTo(casey);
    }
}
