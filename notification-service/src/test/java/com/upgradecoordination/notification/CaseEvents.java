package com.upgradecoordination.notification;

import com.upgradecoordination.devsupport.TestBroker;
import com.upgradecoordination.events.Actor;
import com.upgradecoordination.events.EnvelopeHeaders;
import com.upgradecoordination.events.EventContract;
import com.upgradecoordination.events.EventEnvelope;
import com.upgradecoordination.events.IntegrationEventCatalog;
import com.upgradecoordination.events.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes one case's events to the test broker as the other services would publish them: in an
 * envelope, to their contract's topic, keyed by the case id (so they share a partition).
 */
final class CaseEvents implements AutoCloseable {

    private final KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestBroker.shared().bootstrapServers(),
            ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer());
    private final JsonMapper json = JsonMapper.builder().build();

    /** The payload in an envelope as its producing service would publish it. */
    EventEnvelope envelope(String caseId, Record payload) {
        EventContract contract = IntegrationEventCatalog.contractOf(payload.getClass());
        String producerService = contract.topic().equals(Topics.REVIEW) ? "review-service" : "coordination-service";
        return new EventEnvelope(UUID.randomUUID().toString(), caseId, producerService, "Engagement", caseId, 0,
                contract.type(), contract.version(), Instant.now(), new Actor("casey.csm", "CSM"),
                "corr-" + UUID.randomUUID(), "request-" + UUID.randomUUID(), "HTTP POST /engagements",
                json.valueToTree(payload));
    }

    /** @return the record's value as published, with the headers the relay gives it */
    String publish(EventEnvelope envelope) throws Exception {
        return send(envelope).value();
    }

    /** The envelope as the relay sends it: its contract's topic, keyed by case, its contract in the headers. */
    Sent send(EventEnvelope envelope) throws Exception {
        String value = json.writeValueAsString(envelope);
        ProducerRecord<String, String> record = new ProducerRecord<>(IntegrationEventCatalog.contractOf(
                IntegrationEventCatalog.payloadTypeOf(envelope.type()).orElseThrow()).topic(), envelope.caseId(), value);
        record.headers()
                .add(EnvelopeHeaders.TYPE, EnvelopeHeaders.typeOf(envelope))
                .add(EnvelopeHeaders.SCHEMA_VERSION, EnvelopeHeaders.schemaVersionOf(envelope));
        return new Sent(value, producer.send(record).get(10, TimeUnit.SECONDS));
    }

    /** A value without headers, as records relayed before the headers existed (or not envelopes at all). */
    void publish(String topic, String caseId, String value) throws Exception {
        producer.send(new ProducerRecord<>(topic, caseId, value)).get(10, TimeUnit.SECONDS);
    }

    record Sent(String value, RecordMetadata where) {
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
