package com.upgradecoordination.platform.relay;

import static org.assertj.core.api.Assertions.assertThat;

import com.upgradecoordination.events.Actor;
import com.upgradecoordination.events.EnvelopeHeaders;
import com.upgradecoordination.events.EventEnvelope;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * The records the relay sends: keyed by case, their contract named in the headers
 * (docs/kafka-contracts.md), the stored trace context in {@code traceparent} (decision D19).
 */
class IntegrationEventRelayRecordsTest {

    static final String TRACEPARENT = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";

    @Test
    void eachRecordIsKeyedByItsCaseAndNamesItsContractAndTraceInItsHeaders() {
        EventEnvelope envelope = new EventEnvelope("event-1", "case-1", "review-service", "Review", "review-1", 3,
                "SupportReviewCompleted", 2, Instant.parse("2026-12-01T08:00:00Z"), new Actor("sam.senior", "SUPPORT"),
                "corr-1", "request-1", "HTTP POST /reviews", JsonMapper.builder().build().createObjectNode());

        ProducerRecord<String, EventEnvelope> record = IntegrationEventRelay.recordOf("upgrade.review.events", envelope, TRACEPARENT);

        assertThat(record.topic()).isEqualTo("upgrade.review.events");
        assertThat(record.key()).isEqualTo("case-1");
        assertThat(record.value()).isSameAs(envelope);
        assertThat(new String(record.headers().lastHeader(EnvelopeHeaders.TYPE).value(), StandardCharsets.UTF_8))
                .isEqualTo("SupportReviewCompleted");
        assertThat(new String(record.headers().lastHeader(EnvelopeHeaders.SCHEMA_VERSION).value(),
                StandardCharsets.UTF_8)).isEqualTo("2");
        assertThat(new String(record.headers().lastHeader("traceparent").value(), StandardCharsets.UTF_8))
                .isEqualTo(TRACEPARENT);
    }

    @Test
    void anEventStoredOutsideAnyTraceGoesOutWithoutATraceHeader() {
        EventEnvelope envelope = new EventEnvelope("event-2", "case-1", "review-service", "Review", "review-1", 4,
                "SupportReviewCompleted", 2, Instant.parse("2026-12-01T08:00:00Z"), new Actor("sam.senior", "SUPPORT"),
                "corr-2", "request-2", "HTTP POST /reviews", JsonMapper.builder().build().createObjectNode());

        ProducerRecord<String, EventEnvelope> record = IntegrationEventRelay.recordOf("upgrade.review.events", envelope,
                null);

        assertThat(record.headers().lastHeader("traceparent")).isNull();
        assertThat(record.headers().lastHeader(EnvelopeHeaders.TYPE)).isNotNull();
    }
}
