package com.upgradecoordination.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.upgradecoordination.devsupport.NewerProducer;
import com.upgradecoordination.devsupport.AccessTableWalk;
import com.upgradecoordination.devsupport.ServiceHttpTest;
import com.upgradecoordination.devsupport.ServiceTestSettings;
import com.upgradecoordination.devsupport.TestBroker;
import com.upgradecoordination.devsupport.TestTokens;
import com.upgradecoordination.devsupport.TopicRecorder;
import com.upgradecoordination.events.EventEnvelope;
import com.upgradecoordination.events.IntegrationEventCatalog;
import com.upgradecoordination.events.Topics;
import com.upgradecoordination.events.coordination.ArchitectureDeviation;
import com.upgradecoordination.events.coordination.ArchitectureDeviationDetected;
import com.upgradecoordination.events.coordination.EngagementOpened;
import com.upgradecoordination.events.coordination.SupportReviewRequested;
import com.upgradecoordination.events.review.SupportReviewCompleted;
import com.upgradecoordination.events.review.SupportReviewCompletedV2;
import com.upgradecoordination.notification.api.Channel;
import com.upgradecoordination.notification.api.SendNotificationCommand;
import com.upgradecoordination.notification.messaging.DeadLetterConsumerConfiguration;
import com.upgradecoordination.platform.security.AccessPolicy;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
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
 * notification-service on its own against a real PostgreSQL and a real Kafka broker: other
 * services' events are published as they would publish them, and the notifications are read over
 * HTTP and from the notification topic.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=notification-service")
class NotificationFlowIT extends ServiceHttpTest {

    static final CaseEvents events = new CaseEvents();
    static final Duration PATIENCE = Duration.ofSeconds(60);
    static final List<ArchitectureDeviation> GITALY_UNDERSIZED =
            List.of(new ArchitectureDeviation("gitaly", "3x4/15", "1x4/15", "UNDERSIZED"));

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        ServiceTestSettings.register(registry, "notification-service");
        // a review event of an engagement whose opening never comes is decided without it after this
        registry.add("notification.case-wait", () -> "15s");
    }

    @AfterAll
    static void closeProducer() {
        events.close();
    }

    final JsonMapper json = JsonMapper.builder().build();
    @Autowired
    AccessPolicy accessPolicy;
    @Autowired
    MeterRegistry meters;

    String caseId;
    String csm;

    @BeforeEach
    void freshCase() {
        caseId = UUID.randomUUID().toString();
        csm = "casey.csm." + caseId.substring(0, 8);
    }

    EventEnvelope envelope(Record payload) {
        return events.envelope(caseId, payload);
    }

    String publish(EventEnvelope envelope) throws Exception {
        return events.publish(envelope);
    }

    void publish(String topic, String value) throws Exception {
        events.publish(topic, caseId, value);
    }

    JsonNode inboxOf(String recipient) {
        return http.get().uri("/inbox/{recipient}", recipient).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    List<String> messagesIn(String recipient) {
        List<String> messages = new ArrayList<>();
        inboxOf(recipient).forEach(entry -> messages.add(entry.get("message").asString()));
        return messages;
    }

    /** The NotificationSent envelopes of this test's case, in the order they arrived. */
    List<JsonNode> notificationsSent(TopicRecorder topic) {
        return topic.received().stream()
                .filter(r -> caseId.equals(r.key()))
                .map(r -> json.readTree(r.value()))
                .toList();
    }

    static long countFor(List<JsonNode> notifications, String sourceEventId) {
        return notifications.stream()
                .filter(n -> n.get("payload").get("sourceEventId").asString().equals(sourceEventId))
                .count();
    }

    /**
     * The erasure listener reads the coordination topic for one contract: the other contracts' records
     * pass over it unread and unobserved (the relay names each record's contract in its headers).
     */
    @Test
    void theErasureListenerPassesOverTheOtherContractsUnread() throws Exception {
        double observedBefore = observationsOf("notification-personal-data-erasures");

        CaseEvents.Sent opening = events.send(envelope(new EngagementOpened(caseId, "Acme Corp", csm, List.of("GROWTH"),
                "HELM")));

        await().atMost(PATIENCE).until(this::caseKnown);
        TopicPartition partition = new TopicPartition(opening.where().topic(), opening.where().partition());
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestBroker.shared().bootstrapServers()))) {
            // the erasure listener's group has committed past the opening: its consumer has had it
            await().atMost(PATIENCE).until(() -> {
                OffsetAndMetadata committed = admin.listConsumerGroupOffsets("notification-personal-data-erasures")
                        .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS).get(partition);
                return committed != null && committed.offset() > opening.where().offset();
            });
        }
        assertThat(observationsOf("notification-personal-data-erasures")).isEqualTo(observedBefore);
        assertThat(observationsOf("notification-coordination-events")).as("the listener of every event").isPositive();
    }

    /** Records the listener's containers handled, as spring-kafka's listener observation counts them. */
    double observationsOf(String listenerId) {
        return meters.find("spring.kafka.listener").timers().stream()
                .filter(timer -> String.valueOf(timer.getId().getTag("spring.kafka.listener.id")).startsWith(listenerId))
                .mapToDouble(Timer::count).sum();
    }

    boolean caseKnown() {
        return jdbc.sql("SELECT COUNT(*) FROM case_contact WHERE case_id = :id").param("id", caseId)
                .query(Long.class).single() == 1;
    }

    @Test
    void supportsVerdictReachesTheCsmsInboxAndTheCaseHistoryOnceAlthoughItIsDeliveredTwice() throws Exception {
        try (TopicRecorder notificationTopic =
                     new TopicRecorder(TestBroker.shared().bootstrapServers(), Topics.NOTIFICATION)) {
            publish(envelope(new EngagementOpened(caseId, "Acme Corp", csm, List.of("GROWTH"), "HELM")));
            await().atMost(PATIENCE).until(this::caseKnown);

            EventEnvelope verdict = envelope(new SupportReviewCompleted("review-1", caseId, 1, "SUPPORTABLE",
                    List.of("Add a second Gitaly node"), "sam.senior", "SENIOR_SUPPORT_ENGINEER"));
            String verdictRecord = publish(verdict);

            await().atMost(PATIENCE).until(() -> inboxOf(csm).size() == 1);
            JsonNode entry = inboxOf(csm).get(0);
            String notificationId = SendNotificationCommand.idFor(verdict.eventId(), csm, Channel.INBOX);
            assertThat(entry.get("id").asString()).isEqualTo(notificationId);
            assertThat(entry.get("caseId").asString()).isEqualTo(caseId);
            assertThat(entry.get("sourceEventType").asString()).isEqualTo("SupportReviewCompleted");
            assertThat(entry.get("message").asString()).isEqualTo("Support's verdict on plan v1: SUPPORTABLE");
            assertThat(entry.get("read").asBoolean()).isFalse();
            assertThat(Instant.parse(entry.get("createdAt").asString())).isBefore(Instant.now().plusSeconds(1));

            await().atMost(PATIENCE).until(() -> notificationsSent(notificationTopic).size() == 1);
            JsonNode sent = notificationsSent(notificationTopic).get(0);
            assertThat(sent.get("type").asString()).isEqualTo("NotificationSent");
            assertThat(sent.get("schemaVersion").asInt()).isEqualTo(1);
            assertThat(sent.get("caseId").asString()).isEqualTo(caseId);
            assertThat(sent.get("producer").asString()).isEqualTo("notification-service");
            assertThat(sent.get("aggregateId").asString()).isEqualTo(notificationId);
            assertThat(sent.get("actor").get("principal").asString()).isEqualTo("notification-service");
            assertThat(sent.get("actor").get("role").asString()).isEqualTo("INTEGRATION");
            assertThat(sent.get("correlationId").asString()).isEqualTo(verdict.correlationId());
            assertThat(sent.get("causationId").asString()).isEqualTo(verdict.eventId());
            assertThat(sent.get("payload").get("notificationId").asString()).isEqualTo(notificationId);
            assertThat(sent.get("payload").get("sourceEventId").asString()).isEqualTo(verdict.eventId());
            assertThat(sent.get("payload").get("sourceEventType").asString()).isEqualTo("SupportReviewCompleted");
            assertThat(sent.get("payload").get("recipient").asString()).isEqualTo(csm);
            assertThat(sent.get("payload").get("channel").asString()).isEqualTo("INBOX");

            // Kafka delivers the same record again, then a later one on the same partition (same key):
            // once the later one has had its effect, the redelivery has been processed too.
            publish(Topics.REVIEW, verdictRecord);
            EventEnvelope laterVerdict = envelope(new SupportReviewCompleted("review-2", caseId, 2,
                    "NOT_SUPPORTABLE", List.of(), "sam.senior", "SENIOR_SUPPORT_ENGINEER"));
            publish(laterVerdict);

            await().atMost(PATIENCE).until(() -> countFor(notificationsSent(notificationTopic), laterVerdict.eventId()) == 1);
            await().atMost(PATIENCE).until(() -> messagesIn(csm)
                    .contains("Support's verdict on plan v2: NOT_SUPPORTABLE"));
            assertThat(messagesIn(csm)).containsExactly(
                    "Support's verdict on plan v2: NOT_SUPPORTABLE",
                    "Support's verdict on plan v1: SUPPORTABLE");
            List<JsonNode> notifications = notificationsSent(notificationTopic);
            assertThat(countFor(notifications, verdict.eventId())).isEqualTo(1);
            assertThat(notifications).hasSize(2);
            assertThat(jdbc.sql("""
                            SELECT outcome FROM processed_integration_event
                            WHERE consumer = 'review-notifications' AND event_id = :id""")
                    .param("id", verdict.eventId()).query(String.class).list())
                    .containsExactly("APPLIED");
        }
    }

    @Test
    void eventsWrittenByANewerProducerAreToldAsUsual() throws Exception {
        publish(Topics.COORDINATION, NewerProducer.write(
                envelope(new EngagementOpened(caseId, "Acme Corp", csm, List.of("GROWTH"), "HELM")),
                "/deploymentType", "NOMAD"));
        publish(Topics.COORDINATION, NewerProducer.write(
                envelope(new ArchitectureDeviationDetected(caseId, 2, "3k", GITALY_UNDERSIZED)),
                "/deviations/0/kind", "SPLIT_ACROSS_ZONES"));

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(messagesIn(csm))
                .containsExactly("Plan v2 of Acme Corp deviates from the 3k reference architecture"));
    }

    @Test
    void recordsThatAreNoEnvelopesGoToTheDeadLetterTopicAndDoNotStopTheRecordsAfterThem() throws Exception {
        try (TopicRecorder deadLetters = new TopicRecorder(TestBroker.shared().bootstrapServers(),
                DeadLetterConsumerConfiguration.DEAD_LETTER_TOPIC)) {
            // same key, so the same partition as the envelopes after them
            publish(Topics.COORDINATION, "this is not JSON {");
            publish(Topics.REVIEW, "{\"hello\": \"JSON, but no envelope\"}");
            publish(envelope(new EngagementOpened(caseId, "Acme Corp", csm, List.of("GROWTH"), "HELM")));
            publish(envelope(new ArchitectureDeviationDetected(caseId, 2, "3k", GITALY_UNDERSIZED)));

            await().atMost(PATIENCE).untilAsserted(() -> assertThat(messagesIn(csm))
                    .containsExactly("Plan v2 of Acme Corp deviates from the 3k reference architecture"));
            await().atMost(PATIENCE).untilAsserted(() -> assertThat(deadLetters.received())
                    .filteredOn(letter -> caseId.equals(letter.key()))
                    .extracting(TopicRecorder.Received::value)
                    .containsExactlyInAnyOrder("this is not JSON {", "{\"hello\": \"JSON, but no envelope\"}"));
        }
    }

    /**
     * Found by the fault-injection suite: after a restart of this service, its review-topic consumer
     * handled a verdict before its coordination-topic consumer had handled the engagement's opening,
     * and the CSM was never told. The verdict now waits for the opening.
     */
    @Test
    void aReviewEventThatOvertakesItsEngagementsOpeningWaitsForIt() throws Exception {
        EventEnvelope verdict = envelope(new SupportReviewCompleted("review-1", caseId, 1, "SUPPORTABLE",
                List.of(), "sam.senior", "SENIOR_SUPPORT_ENGINEER"));
        publish(verdict);
        // held back for as long as its engagement's opening has not come
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
                .until(() -> jdbc.sql("SELECT COUNT(*) FROM processed_integration_event WHERE event_id = :id")
                        .param("id", verdict.eventId()).query(Long.class).single() == 0);

        publish(envelope(new EngagementOpened(caseId, "Acme Corp", csm, List.of("GROWTH"), "HELM")));

        await().atMost(PATIENCE).until(() -> messagesIn(csm).contains("Support's verdict on plan v1: SUPPORTABLE"));
        assertThat(messagesIn(csm)).containsExactly("Support's verdict on plan v1: SUPPORTABLE");
        assertThat(jdbc.sql("""
                        SELECT outcome FROM processed_integration_event
                        WHERE consumer = 'review-notifications' AND event_id = :id""")
                .param("id", verdict.eventId()).query(String.class).list()).containsExactly("APPLIED");
    }

    /** While v1 is deprecated, review-service publishes a verdict twice, v2 then v1, under one event id. */
    @Test
    void aVerdictPublishedInTwoVersionsNotifiesOnce() throws Exception {
        publish(envelope(new EngagementOpened(caseId, "Acme Corp", csm, List.of("GROWTH"), "HELM")));
        await().atMost(PATIENCE).until(this::caseKnown);
        SupportReviewCompletedV2 completed = new SupportReviewCompletedV2("review-1", caseId, 1, "SUPPORTABLE",
                List.of(), "sam.senior", "SENIOR_SUPPORT_ENGINEER");
        EventEnvelope latest = envelope(completed);
        EventEnvelope deprecated = new EventEnvelope(latest.eventId(), latest.caseId(), latest.producer(),
                latest.aggregateType(), latest.aggregateId(), latest.aggregateSequence(), latest.type(), 1,
                latest.occurredAt(), latest.actor(), latest.correlationId(), latest.causationId(), latest.origin(),
                json.valueToTree(completed.asVersion1()));
        publish(latest);
        publish(deprecated);
        // the partition's next record: once it is handled, the deprecated record before it was too
        publish(envelope(new SupportReviewCompletedV2("review-2", caseId, 2, "SUPPORTABLE", List.of(), "sam.senior",
                "SENIOR_SUPPORT_ENGINEER")));

        await().atMost(PATIENCE).until(() -> messagesIn(csm).contains("Support's verdict on plan v2: SUPPORTABLE"));
        assertThat(messagesIn(csm)).containsExactlyInAnyOrder("Support's verdict on plan v1: SUPPORTABLE",
                "Support's verdict on plan v2: SUPPORTABLE");
    }

    /** Its engagement's opening never comes: after notification.case-wait it is decided without a CSM. */
    @Test
    void withoutAKnownCsmAnEventIsHandledButNobodyIsNotified() throws Exception {
        EventEnvelope verdict = envelope(new SupportReviewCompleted("review-1", caseId, 1, "SUPPORTABLE",
                List.of(), "sam.senior", "SENIOR_SUPPORT_ENGINEER"));
        publish(verdict);

        await().atMost(PATIENCE).until(() -> jdbc.sql(
                        "SELECT COUNT(*) FROM processed_integration_event WHERE event_id = :id")
                .param("id", verdict.eventId()).query(Long.class).single() == 1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM domainevententry WHERE aggregateidentifier = :id")
                .param("id", SendNotificationCommand.idFor(verdict.eventId(), csm, Channel.INBOX))
                .query(Long.class).single()).isZero();
    }

    @Test
    void aRecipientMarksANotificationReadAndItsHistoryShowsHowItCameAbout() throws Exception {
        // no EngagementOpened for this case: the CSM comes from the event itself
        EventEnvelope requested = envelope(new SupportReviewRequested(caseId, "review-1", 1, "Globex", csm, "3k",
                GITALY_UNDERSIZED, null));
        publish(requested);
        await().atMost(PATIENCE).until(() -> inboxOf(csm).size() == 1);
        JsonNode entry = inboxOf(csm).get(0);
        String notificationId = entry.get("id").asString();
        assertThat(entry.get("message").asString()).isEqualTo("Support was asked to review plan v1 of Globex");

        anonymous.post().uri("/inbox/{recipient}/{id}/read", csm, notificationId).exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(inboxOf(csm).get(0).get("read").asBoolean()).isFalse();

        markRead(csm, notificationId).expectStatus().isNoContent();
        await().atMost(PATIENCE).until(() -> inboxOf(csm).get(0).get("read").asBoolean());
        markRead(csm, notificationId).expectStatus().isNoContent();

        markRead("someone.else", notificationId).expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);

        // a recipient reads and marks only their own inbox
        anonymous.get().uri("/inbox/{recipient}", csm).headers(TestTokens.bearer("someone.else", "CSM")).exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        anonymous.post().uri("/inbox/{recipient}/{id}/read", csm, notificationId)
                .headers(TestTokens.bearer("someone.else", "CSM")).exchange()
                .expectStatus().isForbidden();
        anonymous.get().uri("/inbox/{recipient}", csm).headers(TestTokens.bearer(csm, "CSM")).exchange()
                .expectStatus().isOk();

        JsonNode history = http.get().uri("/notifications/{id}/history", notificationId).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(history).hasSize(2);
        JsonNode read = history.get(1);
        assertThat(read.get("type").asString()).isEqualTo("NotificationRead");
        assertThat(read.get("actor").asString()).isEqualTo(csm);
        assertThat(read.get("actorRole").asString()).isEqualTo("CSM");
        JsonNode sent = history.get(0);
        assertThat(sent.get("type").asString()).isEqualTo("NotificationSent");
        assertThat(sent.get("schemaRevision").asString()).isEqualTo("1");
        assertThat(sent.get("actor").asString()).isEqualTo("notification-service");
        assertThat(sent.get("actorRole").asString()).isEqualTo("INTEGRATION");
        assertThat(sent.get("correlationId").asString()).isEqualTo(requested.correlationId());
        assertThat(sent.get("causationId").asString()).isEqualTo(requested.eventId());
        assertThat(sent.get("origin").asString()).startsWith("kafka " + Topics.COORDINATION + "-");
        assertThat(sent.get("payload").get("recipient").asString()).isEqualTo(csm);
        assertThat(sent.get("payload").get("channel").asString()).isEqualTo("INBOX");
    }

    WebTestClient.ResponseSpec markRead(String recipient, String notificationId) {
        return http.post().uri("/inbox/{recipient}/{id}/read", recipient, notificationId)
                .headers(TestTokens.bearer(recipient, "CSM"))
                .exchange();
    }

    @TestFactory
    Stream<DynamicTest> everyLineOfTheAccessTableIsEnforced() {
        return AccessTableWalk.walk(anonymous, accessPolicy.rules());
    }

    @Test
    void badInputAndUnknownNotificationsAreProblems() {
        markRead(csm, "not-a-notification-id").expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").isEqualTo("notificationId: not a notification id (a UUID)");
        markRead(csm, UUID.randomUUID().toString()).expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        http.get().uri("/inbox/{recipient}", "x".repeat(201)).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        http.get().uri("/notifications/{id}/history", UUID.randomUUID().toString()).exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(inboxOf("nobody.yet")).isEmpty();
    }
}
