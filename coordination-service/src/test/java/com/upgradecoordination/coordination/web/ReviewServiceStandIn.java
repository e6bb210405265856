package com.upgradecoordination.coordination.web;

import com.upgradecoordination.devsupport.TestBroker;
import com.upgradecoordination.events.Actor;
import com.upgradecoordination.events.EventEnvelope;
import com.upgradecoordination.events.Topics;
import com.upgradecoordination.events.review.PlanReviewCompleted;
import com.upgradecoordination.events.review.SupportReviewCompletedV2;
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
 * Plays review-service in coordination-service's tests: publishes its events, in its envelopes,
 * to its topic on the test broker, as Support answers in production.
 */
final class ReviewServiceStandIn implements AutoCloseable {

    /** How long a test waits for coordination-service to act on what was published. */
    static final Duration KAFKA_WAIT = Duration.ofSeconds(60);

    private static final JsonMapper json = JsonMapper.builder().build();

    private final KafkaProducer<String, String> producer;

    ReviewServiceStandIn() {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestBroker.shared().bootstrapServers());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }

    /** What review-service publishes when a Support engineer finishes the review of a shared plan. */
    static EventEnvelope planReviewCompleted(String engagementId, String planReviewId, int planVersion,
                                             List<String> feedback, String summary) {
        var payload = new PlanReviewCompleted(planReviewId, engagementId, planVersion, feedback, summary,
                "sue.engineer", "SUPPORT_ENGINEER");
        return envelope(engagementId, "PlanReview", planReviewId, "PlanReviewCompleted", json.valueToTree(payload),
                "HTTP POST /plan-reviews/" + planReviewId + "/completion");
    }

    /** What review-service publishes (version 2) when a Senior Support Engineer completes an architecture review. */
    static EventEnvelope supportReviewCompleted(String engagementId, String reviewId, String verdict) {
        var payload = new SupportReviewCompletedV2(reviewId, engagementId, 1, verdict, List.of("Add two Gitaly nodes"),
                "sam.senior", "SENIOR_SUPPORT_ENGINEER");
        EventEnvelope built = envelope(engagementId, "SupportReview", reviewId, "SupportReviewCompleted",
                json.valueToTree(payload), "HTTP POST /support-reviews/" + reviewId + "/completion");
        return new EventEnvelope(built.eventId(), built.caseId(), built.producer(), built.aggregateType(),
                built.aggregateId(), built.aggregateSequence(), built.type(), 2, built.occurredAt(),
                built.actor(), built.correlationId(), built.causationId(), built.origin(),
                built.payload());
    }

    static EventEnvelope envelope(String engagementId, String aggregateType, String aggregateId, String type,
                                  JsonNode payload, String origin) {
        return new EventEnvelope(UUID.randomUUID().toString(), engagementId, "review-service", aggregateType,
                aggregateId, 3, type, 1, Instant.now(), new Actor("sue.engineer", "SUPPORT_ENGINEER"),
                "corr-" + UUID.randomUUID(), "request-" + UUID.randomUUID(), origin, payload);
    }

    /** Publishes {@code envelope} keyed by its case and waits until the broker has it. */
    void publish(EventEnvelope envelope) throws Exception {
        publish(envelope.caseId(), json.writeValueAsString(envelope));
    }

    /** Publishes a record value as written, e.g. by a newer producer ({@code NewerProducer}). */
    void publish(String caseId, String value) throws Exception {
        producer.send(new ProducerRecord<>(Topics.REVIEW, caseId, value)).get();
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
