package com.upgradecoordination.analytics;

import java.time.Instant;
import tools.jackson.databind.JsonNode;

/**
 * What the figures read of an envelope: its identity, its case, its contract (type and version), when
 * it happened, and the payload as a JSON tree with its personal data dropped. Everything else the
 * envelope carries (correlation, origin, actor) is left behind.
 */
record Envelope(String eventId, String caseId, String type, int schemaVersion, Instant occurredAt, JsonNode payload) {

    /** A payload field as text, or null when absent or null. */
    String text(String field) {
        JsonNode value = payload.path(field);
        return value.isString() ? value.stringValue() : null;
    }

    int number(String field) {
        return payload.path(field).asInt(0);
    }
}
