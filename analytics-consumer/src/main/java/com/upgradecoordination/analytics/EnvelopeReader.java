package com.upgradecoordination.analytics;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads a record's value as an envelope, as a JSON tree rather than into the shared-events records:
 * fields it does not know are never looked at, an enumeration value it does not know is only a string,
 * and it needs no Java class per contract. The price: nothing checks a payload's shape at read time,
 * so each figure reads its few fields by name and must cope with one missing (docs/kafka-contracts.md).
 */
final class EnvelopeReader {

    private final ObjectMapper json = JsonMapper.builder().build();
    private final PersonalData personalData = new PersonalData(json);

    /** What a record's value turned out to be. */
    sealed interface Reading {
    }

    /** An envelope of a contract this consumer knows (it has the schema of its type and version). */
    record Known(Envelope envelope) implements Reading {
    }

    /** An envelope whose type or version this consumer does not know: a newer producer's. */
    record UnknownContract(String type, int schemaVersion) implements Reading {
    }

    /** Not an envelope at all: not JSON, or without event id, case, type or time. */
    record NotAnEnvelope() implements Reading {
    }

    Reading read(String value) {
        JsonNode tree;
        try {
            tree = json.readTree(value == null ? "" : value);
        } catch (JacksonException notJson) {
            return new NotAnEnvelope();
        }
        if (!(tree instanceof ObjectNode envelope)) {
            return new NotAnEnvelope();
        }
        personalData.dropFromEnvelope(envelope);
        String eventId = envelope.path("eventId").asString(null);
        String caseId = envelope.path("caseId").asString(null);
        String type = envelope.path("type").asString(null);
        int version = envelope.path("schemaVersion").asInt(0);
        Instant occurredAt = instant(envelope.path("occurredAt").asString(null));
        JsonNode payload = envelope.path("payload");
        if (eventId == null || caseId == null || type == null || occurredAt == null || !payload.isObject()) {
            return new NotAnEnvelope();
        }
        if (!personalData.dropFromPayload(type, version, payload)) {
            return new UnknownContract(type, version);
        }
        return new Known(new Envelope(eventId, caseId, type, version, occurredAt, payload));
    }

    private static Instant instant(String text) {
        try {
            return text == null ? null : Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
