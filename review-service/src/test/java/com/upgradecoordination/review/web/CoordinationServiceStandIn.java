package com.upgradecoordination.review.web;

import com.upgradecoordination.devsupport.TestBroker;
import com.upgradecoordination.events.Actor;
import com.upgradecoordination.events.EventEnvelope;
import com.upgradecoordination.events.Topics;
import com.upgradecoordination.events.coordination.ArchitectureDeviation;
import com.upgradecoordination.events.coordination.PerformanceBasis;
import com.upgradecoordination.events.coordination.PerformanceSummary;
import com.upgradecoordination.events.coordination.PlanSharedWithSupport;
import com.upgradecoordination.events.coordination.SupportReviewRequested;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Plays coordination-service in review-service's tests: publishes its events, in its envelopes,
 * to its topic on the test broker, as reviews are requested in production.
 */
final class CoordinationServiceStandIn implements AutoCloseable {

    /** How long a test waits for review-service to act on what was published. */
    static final Duration KAFKA_WAIT = Duration.ofSeconds(60);

    private static final JsonMapper json = JsonMapper.builder().build();

    private final KafkaProducer<String, String> producer;

    CoordinationServiceStandIn() {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestBroker.shared().bootstrapServers());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }

    static final String BASIS =
            "GPT_THRESHOLDS 3k (each test's own RPS, TTFB p90 and success-rate thresholds at 60s_60rps)";

    /** What coordination-service publishes when the CSM asks Support to review a deviating plan. */
    static EventEnvelope reviewRequested(String engagementId, String reviewId) {
        var payload = new SupportReviewRequested(engagementId, reviewId, 2, "Acme Corp", "casey.csm", "3k",
                List.of(new ArchitectureDeviation("gitaly", "3x4/15", "1x4/15", "UNDERSIZED")),
                new PerformanceSummary("BELOW_GPT_THRESHOLDS", new PerformanceBasis("GPT_THRESHOLDS", "3k", null, null,
                        null, null, "60s_60rps", BASIS), 90.1, 79.2, List.of("api_v4_groups")));
        return envelope(engagementId, "SupportReviewRequested", json.valueToTree(payload));
    }

    /** What coordination-service publishes when the CSM shares plan version 3, which deviates, with Support. */
    static EventEnvelope planShared(String engagementId, String planReviewId) {
        var payload = new PlanSharedWithSupport(engagementId, planReviewId, 3, "Acme Corp", "casey.csm", "3k",
                "https://gitlab.example/acme/upgrade/-/wikis/plan-v3", false,
                List.of(new ArchitectureDeviation("gitaly", "3x4/15", "1x4/15", "UNDERSIZED")));
        return envelope(engagementId, "PlanSharedWithSupport", json.valueToTree(payload));
    }

    static EventEnvelope envelope(String engagementId, String type, JsonNode payload) {
        return new EventEnvelope(UUID.randomUUID().toString(), engagementId, "coordination-service", "Engagement",
                engagementId, 7, type, 1, Instant.now(), new Actor("casey.csm", "CSM"),
                "corr-" + UUID.randomUUID(), "request-" + UUID.randomUUID(),
                "HTTP POST /engagements/" + engagementId + "/support-review-requests", payload);
    }

    /** Publishes {@code envelope} keyed by its case and waits until the broker has it. */
    void publish(EventEnvelope envelope) throws Exception {
        publish(envelope.caseId(), json.writeValueAsString(envelope));
    }

    /** Publishes a record value as written, e.g. by a newer producer ({@code NewerProducer}). */
    void publish(String caseId, String value) throws Exception {
        producer.send(new ProducerRecord<>(Topics.COORDINATION, caseId, value)).get();
    }

    /** Asks for the review of a new engagement's plan; returns the id of the review to be opened. */
    String requestReview() throws Exception {
        String reviewId = "review-" + UUID.randomUUID();
        publish(reviewRequested("engagement-" + UUID.randomUUID(), reviewId));
        return reviewId;
    }

    /** Shares a new engagement's plan with Support; returns the id of the plan review to be opened. */
    String sharePlan() throws Exception {
        String planReviewId = "plan-review-" + UUID.randomUUID();
        publish(planShared("engagement-" + UUID.randomUUID(), planReviewId));
        return planReviewId;
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
