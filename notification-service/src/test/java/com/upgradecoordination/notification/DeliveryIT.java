package com.upgradecoordination.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.sun.net.httpserver.HttpServer;
import com.upgradecoordination.devsupport.ServiceHttpTest;
import com.upgradecoordination.devsupport.ServiceTestSettings;
import com.upgradecoordination.devsupport.TestBroker;
import com.upgradecoordination.devsupport.TestClients;
import com.upgradecoordination.devsupport.TopicRecorder;
import com.upgradecoordination.events.EventEnvelope;
import com.upgradecoordination.events.Topics;
import com.upgradecoordination.events.coordination.ArchitectureDeviation;
import com.upgradecoordination.events.coordination.EngagementOpened;
import com.upgradecoordination.events.coordination.MigrationProblemReported;
import com.upgradecoordination.events.coordination.PlanSharedWithSupport;
import com.upgradecoordination.events.coordination.SupportReviewRequested;
import com.upgradecoordination.events.review.SupportReviewCompleted;
import com.upgradecoordination.notification.api.Channel;
import com.upgradecoordination.notification.api.SendNotificationCommand;
import com.upgradecoordination.notification.api.WebhookFingerprint;
import com.upgradecoordination.notification.delivery.DeliveryWorker;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The channels against real servers in the test JVM: email to a GreenMail SMTP server, webhooks to
 * a JDK HTTP server that answers as scripted, and the inbox's live stream over HTTP; retries,
 * permanent failures and their visibility. Retries are fast here (200 ms, doubling, 4 attempts).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=notification-service")
class DeliveryIT extends ServiceHttpTest {

    static final Duration PATIENCE = Duration.ofSeconds(60);
    static final List<ArchitectureDeviation> GITALY_UNDERSIZED =
            List.of(new ArchitectureDeviation("gitaly", "3x4/15", "1x4/15", "UNDERSIZED"));

    static final GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    static final WebhookServer webhooks = new WebhookServer();
    static final CaseEvents events = new CaseEvents();

    static {
        smtp.start();
    }

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        ServiceTestSettings.register(registry, "notification-service");
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> smtp.getSmtp().getPort());
        registry.add("notification.delivery.first-delay", () -> "200ms");
        registry.add("notification.delivery.max-delay", () -> "1s");
        registry.add("notification.delivery.max-attempts", () -> "4");
        registry.add("notification.delivery.poll-interval", () -> "100ms");
        // At JVM exit the test database goes away under a delivery poll: fail its connection fast.
        registry.add("spring.datasource.hikari.connection-timeout", () -> "3000");
    }

    @AfterAll
    static void stopServers() {
        smtp.stop();
        webhooks.stop();
        events.close();
    }

    final JsonMapper json = JsonMapper.builder().build();
    String caseId;
    String csm;
    WebTestClient manager;
    @Autowired
    MeterRegistry meters;

    @BeforeEach
    void freshCase() {
        caseId = UUID.randomUUID().toString();
        csm = "casey.csm." + caseId.substring(0, 8);
        manager = TestClients.as(port, "morgan.manager", "SUPPORT_MANAGER");
    }

    void setAddresses(WebTestClient as, String recipient, String email, String webhookUrl) {
        as.put().uri("/recipients/{recipient}/addresses", recipient).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(addresses(email, webhookUrl))
                .exchange().expectStatus().isNoContent();
        await().atMost(PATIENCE).until(() -> {
            JsonNode stored = manager.get().uri("/recipients/{recipient}/addresses", recipient).exchange()
                    .returnResult(JsonNode.class).getResponseBody().blockFirst(Duration.ofSeconds(10));
            String fingerprint = stored == null || stored.get("webhook") == null || stored.get("webhook").isNull()
                    ? null : stored.get("webhook").get("fingerprint").asString();
            return stored != null && stored.has("recipient")
                    && text(stored, "email").equals(String.valueOf(email))
                    && String.valueOf(fingerprint).equals(String.valueOf(WebhookFingerprint.of(webhookUrl)));
        });
    }

    static Map<String, String> addresses(String email, String webhookUrl) {
        Map<String, String> body = new HashMap<>();
        body.put("email", email);
        body.put("webhookUrl", webhookUrl);
        return body;
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? "null" : value.asString();
    }

    List<MimeMessage> mailTo(String address) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(mail -> {
            try {
                return Arrays.stream(mail.getRecipients(Message.RecipientType.TO))
                        .anyMatch(to -> to.toString().equals(address));
            } catch (jakarta.mail.MessagingException unreadable) {
                return false;
            }
        }).toList();
    }

    JsonNode history(String notificationId) {
        return manager.get().uri("/notifications/{id}/history", notificationId).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    /** Polled while the notification may not exist yet: its 404 fails here, so await with untilAsserted. */
    List<String> historyTypes(String notificationId) {
        List<String> types = new CopyOnWriteArrayList<>();
        history(notificationId).forEach(entry -> types.add(entry.get("type").asString()));
        return types;
    }

    /** The envelopes of this case on the notification topic, of one type. */
    List<JsonNode> published(TopicRecorder topic, String type) {
        return topic.received().stream().filter(r -> caseId.equals(r.key()))
                .map(r -> json.readTree(r.value()))
                .filter(envelope -> envelope.get("type").asString().equals(type))
                .toList();
    }

    @Test
    void theCsmGetsOneEmailPerEventAlthoughKafkaDeliversTheRecordTwice() throws Exception {
        String address = csm + "@acme.example";
        setAddresses(TestClients.as(port, csm, "CSM"), csm, address, null);
        try (TopicRecorder notificationTopic = TopicRecorder.fromNow(TestBroker.shared().bootstrapServers(),
                Topics.NOTIFICATION)) {
            events.publish(events.envelope(caseId, new EngagementOpened(caseId, "Acme Corp", csm, List.of("GROWTH"),
                    "HELM")));
            // the verdict comes on another topic: only once the case is known does it name the CSM
            await().atMost(PATIENCE).until(() -> jdbc.sql("SELECT COUNT(*) FROM case_contact WHERE case_id = :id")
                    .param("id", caseId).query(Long.class).single() == 1);
            EventEnvelope verdict = events.envelope(caseId, new SupportReviewCompleted("review-1", caseId, 1,
                    "SUPPORTABLE", List.of(), "sam.senior", "SENIOR_SUPPORT_ENGINEER"));
            String record = events.publish(verdict);
            events.publish(Topics.REVIEW, caseId, record);
            EventEnvelope later = events.envelope(caseId, new SupportReviewCompleted("review-2", caseId, 2,
                    "NOT_SUPPORTABLE", List.of(), "sam.senior", "SENIOR_SUPPORT_ENGINEER"));
            events.publish(later);

            await().atMost(PATIENCE).until(() -> mailTo(address).size() == 2);
            MimeMessage first = mailTo(address).get(0);
            assertThat(first.getSubject()).isEqualTo("[Upgrade " + caseId + "] SupportReviewCompleted");
            assertThat(first.getFrom()[0].toString()).isEqualTo("upgrade-coordination@localhost");
            assertThat(GreenMailUtil.getBody(first)).startsWith("Support's verdict on plan v1: SUPPORTABLE");
            assertThat(GreenMailUtil.getBody(mailTo(address).get(1)))
                    .startsWith("Support's verdict on plan v2: NOT_SUPPORTABLE");

            String emailId = SendNotificationCommand.idFor(verdict.eventId(), csm, Channel.EMAIL);
            await().atMost(PATIENCE).until(() -> published(notificationTopic, "NotificationSent").stream()
                    .filter(sent -> sent.get("aggregateId").asString().equals(emailId)).count() == 1);
            JsonNode sent = published(notificationTopic, "NotificationSent").stream()
                    .filter(envelope -> envelope.get("aggregateId").asString().equals(emailId)).findFirst().orElseThrow();
            assertThat(sent.get("payload").get("channel").asString()).isEqualTo("EMAIL");
            assertThat(sent.get("correlationId").asString()).isEqualTo(verdict.correlationId());
            assertThat(historyTypes(emailId)).containsExactly("NotificationQueued", "NotificationSent");
        }
        assertThat(mailTo(address)).hasSize(2);
    }

    @Test
    void aWebhookThatFailsThreeTimesIsRetriedWithBackoffAndRecordedOnceAsSent() throws Exception {
        String path = "/hooks/" + caseId;
        webhooks.script(path, 503, 503, 500);
        double failedBefore = webhookAttempts("FAILED");
        double deliveredBefore = webhookAttempts("DELIVERED");
        setAddresses(manager, "@senior-reviewers", null, webhooks.url(path));
        try (TopicRecorder notificationTopic = TopicRecorder.fromNow(TestBroker.shared().bootstrapServers(),
                Topics.NOTIFICATION)) {
            EventEnvelope requested = events.envelope(caseId, new SupportReviewRequested(caseId, "review-1", 2,
                    "Globex", csm, "3k", GITALY_UNDERSIZED, null));
            events.publish(requested);
            String webhookId = SendNotificationCommand.idFor(requested.eventId(), "@senior-reviewers", Channel.WEBHOOK);

            await().atMost(PATIENCE).until(() -> published(notificationTopic, "NotificationSent").stream()
                    .anyMatch(sent -> sent.get("aggregateId").asString().equals(webhookId)));
            List<WebhookServer.Call> calls = webhooks.callsTo(path);
            assertThat(calls).hasSize(4);
            String message = "Review requested: plan v2 of Globex deviates from the 3k reference architecture (CSM "
                    + csm + ")";
            assertThat(calls).allSatisfy(call -> {
                assertThat(call.contentType()).startsWith("application/json");
                // every attempt names the notification, so a receiver can tell a repeated delivery
                assertThat(call.idempotencyKey()).isEqualTo(webhookId);
                assertThat(json.readTree(call.body())).isEqualTo(json.createObjectNode().put("text", message));
            });
            // exponential backoff: no attempt before its time, 200 ms, 400 ms, then 800 ms after the one before
            assertThat(Duration.ofNanos(calls.get(1).atNanos() - calls.get(0).atNanos())).isGreaterThanOrEqualTo(
                    Duration.ofMillis(200));
            assertThat(Duration.ofNanos(calls.get(2).atNanos() - calls.get(1).atNanos())).isGreaterThanOrEqualTo(
                    Duration.ofMillis(400));
            assertThat(Duration.ofNanos(calls.get(3).atNanos() - calls.get(2).atNanos())).isGreaterThanOrEqualTo(
                    Duration.ofMillis(800));
            assertThat(historyTypes(webhookId)).containsExactly("NotificationQueued",
                    "NotificationDeliveryAttemptFailed", "NotificationDeliveryAttemptFailed",
                    "NotificationDeliveryAttemptFailed", "NotificationSent");
            JsonNode firstFailure = history(webhookId).get(1).get("payload");
            assertThat(firstFailure.get("attempt").asInt()).isEqualTo(1);
            assertThat(firstFailure.get("reason").asString()).isEqualTo("webhook answered 503");
            assertThat(firstFailure.get("permanent").asBoolean()).isFalse();

            // a wrong second send would show within a second
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                    .untilAsserted(() -> assertThat(webhooks.callsTo(path)).hasSize(4));
            assertThat(published(notificationTopic, "NotificationSent").stream()
                    .filter(sent -> sent.get("aggregateId").asString().equals(webhookId))).hasSize(1);
            assertThat(published(notificationTopic, "NotificationFailed")).isEmpty();
            // operators count the attempts (other tests' deliveries may add to them)
            assertThat(webhookAttempts("FAILED") - failedBefore).isGreaterThanOrEqualTo(3);
            assertThat(webhookAttempts("DELIVERED") - deliveredBefore).isGreaterThanOrEqualTo(1);
        }
    }

    double webhookAttempts(String outcome) {
        return meters.get(DeliveryWorker.DELIVERY_ATTEMPTS_METRIC).tag("channel", "WEBHOOK").tag("outcome", outcome)
                .counter().count();
    }

    @Test
    void aWebhookUrlIsInNoEventNoReadModelAndNoAnswerButDeliveryFindsItAndTheHistoriesShowItsFingerprint()
            throws Exception {
        String path = "/hooks/secret/" + caseId;
        String url = webhooks.url(path);
        String fingerprint = WebhookFingerprint.of(url);
        webhooks.script(path, 500);
        setAddresses(manager, "@senior-reviewers", "reviewers@support.example", url);

        // the answer shows the host and the fingerprint, never the URL
        String answer = manager.get().uri("/recipients/{recipient}/addresses", "@senior-reviewers").exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(answer).doesNotContain(path);
        JsonNode addresses = json.readTree(answer);
        assertThat(addresses.get("email").asString()).isEqualTo("reviewers@support.example");
        assertThat(addresses.get("webhook").get("host").asString()).isEqualTo("127.0.0.1");
        assertThat(addresses.get("webhook").get("fingerprint").asString()).isEqualTo(fingerprint);

        EventEnvelope requested = events.envelope(caseId, new SupportReviewRequested(caseId, "review-1", 3,
                "Initech", csm, "3k", GITALY_UNDERSIZED, null));
        events.publish(requested);
        String webhookId = SendNotificationCommand.idFor(requested.eventId(), "@senior-reviewers", Channel.WEBHOOK);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(historyTypes(webhookId)).contains("NotificationSent"));
        assertThat(webhooks.callsTo(path)).hasSize(2); // the URL was found at delivery time, twice

        // the notification's history names the fingerprint it was queued for, not the URL
        JsonNode queued = history(webhookId).get(0).get("payload");
        assertThat(queued.get("webhookFingerprint").asString()).isEqualTo(fingerprint);
        assertThat(history(webhookId).toString()).doesNotContain(path);
        // so does the recipient's, which an auditor reads
        String recipientHistory = TestClients.asAuditor(port).get()
                .uri("/audit/aggregates/{id}/history", "@senior-reviewers").exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(recipientHistory).contains("RecipientWebhookSet", fingerprint).doesNotContain(path);

        // nowhere in the event store, the read models or the published events
        assertThat(jdbc.sql("""
                        SELECT COUNT(*) FROM domainevententry
                        WHERE convert_from(payload, 'UTF8') LIKE :path OR convert_from(metadata, 'UTF8') LIKE :path""")
                .param("path", "%" + path + "%").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM notification_status WHERE email LIKE :path OR last_error LIKE :path")
                .param("path", "%" + path + "%").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT url FROM recipient_webhook WHERE recipient = '@senior-reviewers'")
                .query(String.class).single()).isEqualTo(url);
    }

    @Test
    void permanentFailuresAreRecordedVisibleAndPublished() throws Exception {
        String refusing = "/hooks/gone/" + caseId;
        webhooks.script(refusing, 404);
        setAddresses(manager, "@proserv", null, webhooks.url(refusing));
        String failing = "/hooks/down/" + caseId;
        webhooks.script(failing, 503, 503, 503, 503, 503);
        setAddresses(manager, "@support-upgrade-queue", null, webhooks.url(failing));
        try (TopicRecorder notificationTopic = TopicRecorder.fromNow(TestBroker.shared().bootstrapServers(),
                Topics.NOTIFICATION)) {
            EventEnvelope problem = events.envelope(caseId, new MigrationProblemReported(caseId, "problem-1",
                    "Gitaly is slow", "PROFESSIONAL_SERVICES"));
            events.publish(problem);
            EventEnvelope shared = events.envelope(caseId, new PlanSharedWithSupport(caseId, "plan-review-1", 1,
                    "Acme Corp", csm, "3k", "https://docs.example/plan", true, List.of()));
            events.publish(shared);
            String refusedId = SendNotificationCommand.idFor(problem.eventId(), "@proserv", Channel.WEBHOOK);
            String exhaustedId = SendNotificationCommand.idFor(shared.eventId(), "@support-upgrade-queue",
                    Channel.WEBHOOK);

            await().atMost(PATIENCE).until(() -> published(notificationTopic, "NotificationFailed").size() == 2);
            JsonNode refused = published(notificationTopic, "NotificationFailed").stream()
                    .filter(failed -> failed.get("aggregateId").asString().equals(refusedId)).findFirst().orElseThrow();
            assertThat(refused.get("caseId").asString()).isEqualTo(caseId);
            assertThat(refused.get("payload").get("attempts").asInt()).isEqualTo(1);
            assertThat(refused.get("payload").get("reason").asString()).isEqualTo("webhook answered 404");
            assertThat(refused.get("payload").get("recipient").asString()).isEqualTo("@proserv");
            assertThat(refused.get("payload").get("channel").asString()).isEqualTo("WEBHOOK");
            assertThat(refused.get("payload").get("sourceEventType").asString()).isEqualTo("MigrationProblemReported");
            assertThat(webhooks.callsTo(refusing)).hasSize(1);
            assertThat(webhooks.callsTo(failing)).hasSize(4);

            await().atMost(PATIENCE).untilAsserted(() -> {
                JsonNode failures = manager.get().uri("/notifications?status=FAILED").exchange()
                        .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
                List<String> ids = new CopyOnWriteArrayList<>();
                failures.forEach(failure -> {
                    if (caseId.equals(failure.get("caseId").asString())) {
                        ids.add(failure.get("id").asString() + " " + failure.get("attempts").asInt() + " "
                                + failure.get("lastError").asString());
                    }
                });
                assertThat(ids).containsExactlyInAnyOrder(refusedId + " 1 webhook answered 404",
                        exhaustedId + " 4 webhook answered 503");
            });
            assertThat(historyTypes(exhaustedId)).endsWith("NotificationDeliveryAttemptFailed", "NotificationFailed");
        }
    }

    @Test
    void aStreamOpenedBeforeANotificationIsCreatedReceivesIt() throws Exception {
        var stream = TestClients.as(port, csm, "CSM").get().uri("/inbox/{recipient}/stream", csm)
                .accept(MediaType.TEXT_EVENT_STREAM).exchange()
                .expectStatus().isOk()
                .returnResult(new ParameterizedTypeReference<ServerSentEvent<JsonNode>>() {
                });
        CompletableFuture<ServerSentEvent<JsonNode>> arrival = stream.getResponseBody()
                .filter(event -> "notification".equals(event.event()))
                .next().toFuture();

        EventEnvelope requested = events.envelope(caseId, new SupportReviewRequested(caseId, "review-1", 1, "Globex",
                csm, "3k", GITALY_UNDERSIZED, null));
        events.publish(requested);

        ServerSentEvent<JsonNode> event = arrival.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        String inboxId = SendNotificationCommand.idFor(requested.eventId(), csm, Channel.INBOX);
        assertThat(event.id()).isEqualTo(inboxId);
        assertThat(event.data().get("id").asString()).isEqualTo(inboxId);
        assertThat(event.data().get("caseId").asString()).isEqualTo(caseId);
        assertThat(event.data().get("message").asString()).isEqualTo("Support was asked to review plan v1 of Globex");
        assertThat(event.data().get("read").asBoolean()).isFalse();
    }

    @Test
    void recipientsReadOnlyTheirOwnOrTheirTeamsInboxAndStreamAndSetOnlyTheirOwnAddresses() throws Exception {
        WebTestClient casey = TestClients.as(port, csm, "CSM");
        WebTestClient someoneElse = TestClients.as(port, "robin.csm", "CSM");
        WebTestClient engineer = TestClients.as(port, "sam.engineer", "SUPPORT_ENGINEER");
        WebTestClient proServ = TestClients.as(port, "pat.proserv", "PROSERV");
        WebTestClient auditor = TestClients.asAuditor(port);

        // streams: own, a team's member, an auditor; not someone else's, not a team one is not in
        streamStatus(casey, csm).isOk();
        streamStatus(auditor, csm).isOk();
        streamStatus(engineer, "@support-upgrade-queue").isOk();
        streamStatus(someoneElse, csm).isForbidden();
        streamStatus(engineer, "@senior-reviewers").isForbidden();
        streamStatus(casey, "not a name").isBadRequest();
        streamStatus(casey, "@nobody").isBadRequest();

        // a team's inbox: its members read it and mark its notifications read
        EventEnvelope shared = events.envelope(caseId, new PlanSharedWithSupport(caseId, "plan-review-1", 1,
                "Acme Corp", csm, "3k", "https://docs.example/plan", true, List.of()));
        events.publish(shared);
        String teamNotification = SendNotificationCommand.idFor(shared.eventId(), "@support-upgrade-queue",
                Channel.INBOX);
        await().atMost(PATIENCE).until(() -> engineer.get().uri("/inbox/{recipient}", "@support-upgrade-queue")
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody()
                .contains(teamNotification));
        proServ.get().uri("/inbox/{recipient}", "@support-upgrade-queue").exchange().expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        proServ.post().uri("/inbox/{recipient}/{id}/read", "@support-upgrade-queue", teamNotification).exchange()
                .expectStatus().isForbidden();
        engineer.post().uri("/inbox/{recipient}/{id}/read", "@support-upgrade-queue", teamNotification).exchange()
                .expectStatus().isNoContent();
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(historyTypes(teamNotification)).contains("NotificationRead"));
        assertThat(history(teamNotification).get(1).get("actor").asString()).isEqualTo("sam.engineer");

        // addresses: one's own, or anyone's as a Support manager; checked when set
        casey.put().uri("/recipients/{recipient}/addresses", csm).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(addresses("not-an-address", null)).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail")
                .isEqualTo("email: not an email address (name@domain.tld, at most 254 characters)");
        casey.put().uri("/recipients/{recipient}/addresses", csm).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(addresses(null, "ftp://files.example/x")).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.detail").isEqualTo("webhookUrl: must be an absolute http or https URL "
                        + "with a host, at most 2000 characters");
        casey.put().uri("/recipients/{recipient}/addresses", csm).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"email\": \"casey@acme.example\", \"phone\": \"123\"}").exchange()
                .expectStatus().isBadRequest();
        someoneElse.put().uri("/recipients/{recipient}/addresses", csm).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(addresses("robin@acme.example", null)).exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        engineer.put().uri("/recipients/{recipient}/addresses", "@support-upgrade-queue")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(addresses("queue@support.example", null)).exchange()
                .expectStatus().isForbidden();
        someoneElse.get().uri("/recipients/{recipient}/addresses", csm).exchange().expectStatus().isForbidden();
        auditor.get().uri("/recipients/{recipient}/addresses", csm).exchange().expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        auditor.put().uri("/recipients/{recipient}/addresses", csm).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(addresses("ada@audit.example", null)).exchange().expectStatus().isForbidden();
        casey.get().uri("/recipients/{recipient}/addresses", "bad name").exchange().expectStatus().isBadRequest();

        // failures are listed for managers and auditors only, by a known status
        manager.get().uri("/notifications?status=LOST").exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.detail").isEqualTo("status: must be one of [QUEUED, SENT, FAILED]");
        auditor.get().uri("/notifications?status=SENT").exchange().expectStatus().isOk();
        casey.get().uri("/notifications?status=FAILED").exchange().expectStatus().isForbidden();
    }

    /** Opens the stream and closes it again once the status is known. */
    static org.springframework.test.web.reactive.server.StatusAssertions streamStatus(WebTestClient client,
                                                                                      String recipient) {
        WebTestClient.ResponseSpec response = client.get().uri("/inbox/{recipient}/stream", recipient)
                .accept(MediaType.TEXT_EVENT_STREAM).exchange();
        var result = response.returnResult(String.class);
        result.getResponseBody().subscribe().dispose();
        return response.expectStatus();
    }

    /** A webhook receiver: answers each path's calls with its scripted statuses, then 200; records every call. */
    static final class WebhookServer {

        record Call(String path, String contentType, String idempotencyKey, String body, long atNanos) {
        }

        private final HttpServer server;
        private final Map<String, Deque<Integer>> scripts = new ConcurrentHashMap<>();
        private final List<Call> calls = new CopyOnWriteArrayList<>();

        WebhookServer() {
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } catch (IOException unavailable) {
                throw new IllegalStateException(unavailable);
            }
            server.createContext("/", exchange -> {
                String path = exchange.getRequestURI().getPath();
                try (InputStream body = exchange.getRequestBody()) {
                    calls.add(new Call(path, exchange.getRequestHeaders().getFirst("Content-Type"),
                            exchange.getRequestHeaders().getFirst("Idempotency-Key"),
                            new String(body.readAllBytes(), StandardCharsets.UTF_8), System.nanoTime()));
                }
                Deque<Integer> script = scripts.get(path);
                Integer scripted = script == null ? null : script.pollFirst();
                int status = scripted == null ? 200 : scripted;
                exchange.sendResponseHeaders(status, -1); // no body
                exchange.close();
            });
            server.start();
        }

        void script(String path, Integer... statuses) {
            scripts.put(path, new ArrayDeque<>(List.of(statuses)));
        }

        String url(String path) {
            return "http://127.0.0.1:" + server.getAddress().getPort() + path;
        }

        List<Call> callsTo(String path) {
            return calls.stream().filter(call -> call.path().equals(path)).toList();
        }

        void stop() {
            server.stop(0);
        }
    }
}
