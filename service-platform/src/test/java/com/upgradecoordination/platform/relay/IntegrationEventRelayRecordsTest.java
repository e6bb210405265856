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

/** The records the relay sends: keyed by case, their contract named in the headers (docs/kafka-contracts.md). */
class IntegrationEventRelayRecordsTest {

    @Test
    void eachRecordIsKeyedByItsCaseAndNamesItsContractInItsHeaders() {
        EventEnvelope envelope = new EventEnvelope("event-1", "case-1", "review-service", "Review", "review-1", 3,
                "SupportReviewCompleted", 2, Instant.parse("2026-12-01T08:00:00Z"), new Actor("sam.senior", "SUPPORT"),
                "corr-1", "request-1", "HTTP POST /reviews", JsonMapper.builder().build().createObjectNode());

        ProducerRecord<String, EventEnvelope> record = IntegrationEventRelay.recordOf("upgrade.review.events", envelope);

        assertThat(record.topic()).isEqualTo("upgrade.review.events");
        assertThat(record.key()).isEqualTo("case-1");
        assertThat(record.value()).isSameAs(envelope);
        assertThat(new String(record.headers().lastHeader(EnvelopeHeaders.TYPE).value(), StandardCharsets.UTF_8))
                .isEqualTo("SupportReviewCompleted");
        assertThat(new String(record.headers().lastHeader(EnvelopeHeaders.SCHEMA_VERSION).value(),
                StandardCharsets.UTF_8)).isEqualTo("2");
    }
}
