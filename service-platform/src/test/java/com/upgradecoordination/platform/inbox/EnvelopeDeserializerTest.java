package com.upgradecoordination.platform.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.upgradecoordination.events.Actor;
import com.upgradecoordination.events.EnvelopeHeaders;
import com.upgradecoordination.events.EventEnvelope;
import com.upgradecoordination.events.coordination.PersonalDataErased;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.support.serializer.JacksonJsonDeserializer;
import tools.jackson.databind.json.JsonMapper;

/** A listener's records of other contracts stay unread; everything else is read as before. */
class EnvelopeDeserializerTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String TOPIC = "upgrade.coordination.events";
    static final byte[] NOT_JSON = "this is not JSON {".getBytes(StandardCharsets.UTF_8);

    final EventEnvelope opened = envelope("EngagementOpened", 1);
    final EventEnvelope erased = envelope("PersonalDataErased", 1);

    @Test
    void aListenerOfChosenContractsLeavesTheOthersUnread() {
        EnvelopeDeserializer erasures = configured(Map.of(EnvelopeDeserializer.HANDLED_CONTRACTS,
                EnvelopeHeaders.contractKey(PersonalDataErased.class)));

        // unread: a value that is not even JSON passes over without an error
        assertThat(erasures.deserialize(TOPIC, headersOf(opened), NOT_JSON)).isNull();
        assertThat(erasures.deserialize(TOPIC, headersOf(erased), bytes(erased))).isEqualTo(erased);
        assertThatThrownBy(() -> erasures.deserialize(TOPIC, headersOf(erased), NOT_JSON))
                .as("a handled contract is read, and a broken value fails as before").isNotNull();
    }

    @Test
    void anotherVersionOfAHandledTypeIsAnotherContract() {
        EnvelopeDeserializer erasures = configured(Map.of(EnvelopeDeserializer.HANDLED_CONTRACTS,
                EnvelopeHeaders.contractKey(PersonalDataErased.class)));

        assertThat(erasures.deserialize(TOPIC, headersOf(envelope("PersonalDataErased", 2)), NOT_JSON)).isNull();
    }

    @Test
    void recordsWithoutTheHeadersAreRead() {
        EnvelopeDeserializer erasures = configured(Map.of(EnvelopeDeserializer.HANDLED_CONTRACTS,
                EnvelopeHeaders.contractKey(PersonalDataErased.class)));

        // relayed before the headers existed: the value is the only way to know
        assertThat(erasures.deserialize(TOPIC, new RecordHeaders(), bytes(opened))).isEqualTo(opened);
        assertThat(erasures.deserialize(TOPIC, bytes(opened))).isEqualTo(opened);
    }

    @Test
    void aListenerOfEveryEventReadsEveryRecord() {
        EnvelopeDeserializer everything = configured(Map.of());

        assertThat(everything.deserialize(TOPIC, headersOf(opened), bytes(opened))).isEqualTo(opened);
        assertThat(everything.deserialize(TOPIC, headersOf(erased), bytes(erased))).isEqualTo(erased);
    }

    static EnvelopeDeserializer configured(Map<String, ?> consumerProperties) {
        EnvelopeDeserializer deserializer = new EnvelopeDeserializer(
                new JacksonJsonDeserializer<>(EventEnvelope.class, JSON, false));
        deserializer.configure(consumerProperties, false);
        return deserializer;
    }

    static RecordHeaders headersOf(EventEnvelope envelope) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(EnvelopeHeaders.TYPE, EnvelopeHeaders.typeOf(envelope));
        headers.add(EnvelopeHeaders.SCHEMA_VERSION, EnvelopeHeaders.schemaVersionOf(envelope));
        return headers;
    }

    static byte[] bytes(EventEnvelope envelope) {
        return JSON.writeValueAsBytes(envelope);
    }

    static EventEnvelope envelope(String type, int version) {
        return new EventEnvelope("event-" + type + version, "case-1", "coordination-service", "Engagement", "case-1", 0,
                type, version, Instant.parse("2026-12-01T08:00:00Z"), new Actor("casey.csm", "CSM"), "corr-1",
                "request-1", "HTTP POST /engagements", JSON.createObjectNode().put("engagementId", "case-1"));
    }
}
