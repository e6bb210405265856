package com.upgradecoordination.coordination.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.upgradecoordination.devsupport.ServiceTestSettings;
import com.upgradecoordination.devsupport.TestBroker;
import com.upgradecoordination.devsupport.TestClients;
import com.upgradecoordination.events.Actor;
import com.upgradecoordination.events.EventEnvelope;
import com.upgradecoordination.events.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The case timeline, built from the three topics of the in-JVM broker: chronological across the
 * services, each event once, filtered by time and type, exported as JSON lines and CSV.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=coordination-service")
class CaseTimelineIT {

    static final JsonMapper json = JsonMapper.builder().build();
    static final KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestBroker.shared().bootstrapServers()),
            new StringSerializer(), new StringSerializer());
    static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        ServiceTestSettings.register(registry, "coordination-service");
    }

    @AfterAll
    static void closeProducer() {
        producer.close(Duration.ofSeconds(5));
    }

    @LocalServerPort
    int port;

    WebTestClient auditor;

    @BeforeEach
    void client() {
        auditor = TestClients.asAuditor(port);
    }

    static EventEnvelope envelope(String caseId, String producerName, String type, Instant at, JsonNode payload) {
        return new EventEnvelope(UUID.randomUUID().toString(), caseId, producerName, "Aggregate", caseId, 0, type, 1,
                at, new Actor("casey.csm", "CSM"), "corr-1", "request-1", "HTTP POST /x", payload);
    }

    static void publish(String topic, EventEnvelope envelope) throws Exception {
        producer.send(new ProducerRecord<>(topic, envelope.caseId(), json.writeValueAsString(envelope))).get();
    }

    JsonNode timeline(String query) {
        return auditor.get().uri("/audit/cases/" + query).exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    @Test
    void oneChronologicalViewOfACaseAcrossTheServicesExportableAsJsonLinesAndCsv() throws Exception {
        String caseId = "case-" + UUID.randomUUID();
        EventEnvelope opened = envelope(caseId, "coordination-service", "EngagementOpened", T0,
                json.readTree("{\"customerOrganisation\":\"Acme, \\\"the\\\" Corp\"}"));
        EventEnvelope sent = envelope(caseId, "notification-service", "NotificationSent", T0.plusSeconds(120),
                json.readTree("{\"recipient\":\"casey.csm\"}"));
        EventEnvelope reviewed = envelope(caseId, "review-service", "SupportReviewOpened", T0.plusSeconds(60),
                json.readTree("{\"reviewId\":\"review-1\"}"));
        publish(Topics.NOTIFICATION, sent);
        publish(Topics.REVIEW, reviewed);
        publish(Topics.COORDINATION, opened);
        publish(Topics.COORDINATION, opened); // redelivered: still once
        publish(Topics.COORDINATION, envelope("another-case", "coordination-service", "EngagementOpened", T0,
                json.readTree("{}")));

        await().atMost(Duration.ofSeconds(60)).until(() -> timeline(caseId + "/timeline").get("entries").size() == 3);
        JsonNode entries = timeline(caseId + "/timeline").get("entries");
        assertThat(List.of(entries.get(0).get("type").asString(), entries.get(1).get("type").asString(),
                entries.get(2).get("type").asString()))
                .containsExactly("EngagementOpened", "SupportReviewOpened", "NotificationSent");
        assertThat(entries.get(1).get("service").asString()).isEqualTo("review-service");
        assertThat(entries.get(0).get("actor").asString()).isEqualTo("casey.csm");
        assertThat(entries.get(2).get("payload").get("recipient").asString()).isEqualTo("casey.csm");

        JsonNode reviewOnly = timeline(caseId + "/timeline?type=SupportReviewOpened");
        assertThat(reviewOnly.get("entries")).hasSize(1);
        JsonNode window = timeline(caseId + "/timeline?from=" + T0.plusSeconds(30) + "&to=" + T0.plusSeconds(90));
        assertThat(window.get("entries")).hasSize(1);
        assertThat(window.get("entries").get(0).get("eventId").asString()).isEqualTo(reviewed.eventId());

        String jsonLines = auditor.get().uri("/audit/cases/{id}/timeline?format=jsonl", caseId).exchange()
                .expectStatus().isOk()
                .expectHeader().contentType("application/jsonl")
                .expectBody(String.class).returnResult().getResponseBody();
        String[] lines = jsonLines.split("\n");
        assertThat(lines).hasSize(3);
        assertThat(json.readTree(lines[0]).get("eventId").asString()).isEqualTo(opened.eventId());

        String csv = auditor.get().uri("/audit/cases/{id}/timeline?format=csv", caseId).exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.parseMediaType("text/csv"))
                .expectBody(String.class).returnResult().getResponseBody();
        String[] rows = csv.split("\r\n");
        assertThat(rows).hasSize(4);
        assertThat(rows[0]).isEqualTo("occurred_at,event_id,case_id,service,type,schema_version,aggregate_type,"
                + "aggregate_id,aggregate_sequence,actor,actor_role,correlation_id,causation_id,origin,payload");
        assertThat(rows[1]).startsWith("2026-03-01T09:00:00Z," + opened.eventId() + "," + caseId
                + ",coordination-service,EngagementOpened,1,");
        assertThat(rows[1]).endsWith(",\"{\"\"customerOrganisation\"\":\"\"Acme, \\\"\"the\\\"\" Corp\"\"}\"");
    }

    @Test
    void aBurstIsWrittenWholeAndInOrderPassingOverRecordsThatAreNotEnvelopes() throws Exception {
        String caseId = "case-" + UUID.randomUUID();
        List<String> topics = List.of(Topics.COORDINATION, Topics.REVIEW, Topics.NOTIFICATION);
        List<String> services = List.of("coordination-service", "review-service", "notification-service");
        List<EventEnvelope> burst = IntStream.range(0, 300)
                .mapToObj(index -> envelope(caseId, services.get(index % 3), "Step", T0.plusSeconds(index),
                        json.readTree("{\"step\":" + index + "}")))
                .toList();
        // ahead of the burst in its partitions: a record that is not an envelope, and a tombstone
        producer.send(new ProducerRecord<>(Topics.COORDINATION, caseId, "not an envelope"));
        producer.send(new ProducerRecord<>(Topics.REVIEW, caseId, null));
        for (int index = 0; index < burst.size(); index++) {
            producer.send(new ProducerRecord<>(topics.get(index % 3), caseId, json.writeValueAsString(burst.get(index))));
        }
        producer.send(new ProducerRecord<>(Topics.NOTIFICATION, caseId, json.writeValueAsString(burst.get(7))));
        producer.flush();

        await().atMost(Duration.ofSeconds(60)).until(() ->
                timeline(caseId + "/timeline").get("entries").size() == burst.size());
        JsonNode entries = timeline(caseId + "/timeline").get("entries");
        assertThat(IntStream.range(0, entries.size()).mapToObj(index -> entries.get(index).get("eventId").asString()))
                .containsExactlyElementsOf(burst.stream().map(EventEnvelope::eventId).toList());
        assertThat(entries.get(299).get("payload").get("step").asInt()).isEqualTo(299);
    }

    @Test
    void theCoordinationServicesOwnEventsReachTheTimelineThroughItsTopic() {
        JsonNode created = TestClients.as(port, "casey.csm", "CSM").post().uri("/engagements")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("customerOrganisation", "Acme Corp", "csm", "casey.csm",
                        "reasons", List.of("GROWTH"), "deploymentType", "OMNIBUS_MULTI_NODE"))
                .exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody();
        String engagementId = created.get("engagementId").asString();

        await().atMost(Duration.ofSeconds(60)).until(() ->
                timeline(engagementId + "/timeline").get("entries").size() == 1);
        assertThat(timeline(engagementId + "/timeline").get("entries").get(0).get("aggregateId").asString())
                .isEqualTo(engagementId);
    }

    @Test
    void badParametersAreRefusedAndOnlyAuditorsAndManagersRead() {
        auditor.get().uri("/audit/cases/x/timeline?format=xml").exchange().expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        auditor.get().uri("/audit/cases/x/timeline?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z").exchange()
                .expectStatus().isBadRequest();
        auditor.get().uri("/audit/cases/x/timeline?from=yesterday").exchange().expectStatus().isBadRequest();
        TestClients.as(port, "casey.csm", "CSM").get().uri("/audit/cases/x/timeline").exchange()
                .expectStatus().isForbidden();
    }
}
