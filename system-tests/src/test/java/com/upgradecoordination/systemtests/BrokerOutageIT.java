package com.upgradecoordination.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.upgradecoordination.devsupport.TopicRecorder;
import com.upgradecoordination.events.Topics;
import com.upgradecoordination.local.LocalStack.Service;
import com.upgradecoordination.platform.observability.MetricNames;
import com.upgradecoordination.platform.relay.IntegrationEventRelay;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The broker goes away while the CSM keeps working and comes back later: HTTP commands succeed
 * throughout, every stored event reaches Kafka once the broker is back, and every notification
 * exists exactly once.
 */
class BrokerOutageIT {

    static final String CSM = "olivia.outage";

    static RunningStack running;

    @BeforeAll
    static void start() {
        running = RunningStack.start();
    }

    @AfterAll
    static void stop() {
        running.close();
    }

    final JsonMapper json = JsonMapper.builder().build();

    @Test
    void nothingStoredIsLostAndNothingIsDoneTwice() throws Exception {
        Engagements engagements = new Engagements(running.as(Service.COORDINATION, CSM, "CSM"));
        try (TopicRecorder coordinationTopic = new TopicRecorder(running.broker.bootstrapServers(), Topics.COORDINATION)) {
            List<String> cases = new ArrayList<>();
            cases.add(driveToDeviatingPlan(engagements, "Before Outage Inc"));
            await().atMost(Duration.ofSeconds(60)).until(() -> publishedEventIds(coordinationTopic).size() >= 6);

            running.broker.stop();
            // The CSM keeps working: commands only need the service's own event store.
            cases.add(driveToDeviatingPlan(engagements, "During Outage Ltd"));
            cases.add(driveToDeviatingPlan(engagements, "Also During Outage GmbH"));
            // Keep the broker away until the relay has failed to publish and is backing off.
            await().atMost(Duration.ofSeconds(60)).until(this::relayHasFailedToPublish);
            // what operators see (alert RelayStuck): stored events the broker has not acknowledged, waiting
            assertThat(relayGauge(MetricNames.PROCESSOR_LAG_EVENTS)).isGreaterThan(0);
            assertThat(relayGauge(MetricNames.PROCESSOR_LAG_AGE)).isGreaterThan(0);
            running.broker.start();

            Set<String> stored = storedCoordinationEventIds();
            assertThat(stored).hasSize(18);
            await().atMost(Duration.ofSeconds(120)).untilAsserted(() ->
                    assertThat(publishedEventIds(coordinationTopic)).containsExactlyInAnyOrderElementsOf(stored));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(relayGauge(MetricNames.PROCESSOR_LAG_EVENTS)).isZero());

            WebTestClient inbox = running.as(Service.NOTIFICATION, CSM, "CSM");
            await().atMost(Duration.ofSeconds(120)).untilAsserted(() ->
                    assertThat(notifiedCases(inbox, "ArchitectureDeviationDetected"))
                            .containsExactlyInAnyOrderElementsOf(cases));
            List<String> notificationKeys = new ArrayList<>();
            inbox.get().uri("/inbox/{recipient}", CSM).exchange().expectStatus().isOk()
                    .expectBody(JsonNode.class).returnResult().getResponseBody()
                    .forEach(e -> notificationKeys.add(e.get("caseId").asString() + "/" + e.get("sourceEventType").asString()));
            assertThat(notificationKeys).doesNotHaveDuplicates();
        }
    }

    private boolean relayHasFailedToPublish() {
        MeterRegistry meters = running.stack.context(Service.COORDINATION).getBean(MeterRegistry.class);
        return meters.counter(IntegrationEventRelay.FAILURES_METRIC).count() > 0;
    }

    private double relayGauge(String name) {
        MeterRegistry meters = running.stack.context(Service.COORDINATION).getBean(MeterRegistry.class);
        return meters.get(name).tag("processor", IntegrationEventRelay.PROCESSING_GROUP).gauge().value();
    }

    private static String driveToDeviatingPlan(Engagements engagements, String customer) {
        String engagementId = engagements.open(customer, CSM);
        engagements.recordRequirementsFor10k(engagementId);
        engagements.submitDeviatingPlan(engagementId);
        return engagementId;
    }

    private Set<String> publishedEventIds(TopicRecorder recorder) {
        Set<String> ids = new HashSet<>();
        for (TopicRecorder.Received record : recorder.received()) {
            ids.add(json.readTree(record.value()).get("eventId").asString());
        }
        return ids;
    }

    private Set<String> storedCoordinationEventIds() {
        JdbcClient jdbc = running.stack.context(Service.COORDINATION).getBean(JdbcClient.class);
        // every event of the three cases is published; the benchmark register's are kept inside
        return new HashSet<>(jdbc.sql("""
                SELECT eventidentifier FROM domainevententry
                WHERE payloadtype NOT LIKE '%GptBenchmarkRegisteredEvent'""").query(String.class).list());
    }

    private static List<String> notifiedCases(WebTestClient inbox, String sourceEventType) {
        List<String> caseIds = new ArrayList<>();
        inbox.get().uri("/inbox/{recipient}", CSM).exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody()
                .forEach(entry -> {
                    if (sourceEventType.equals(entry.get("sourceEventType").asString())) {
                        caseIds.add(entry.get("caseId").asString());
                    }
                });
        return caseIds;
    }
}
