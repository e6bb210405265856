package com.upgradecoordination.platform.history;

import java.time.Instant;
import tools.jackson.databind.JsonNode;

/** One stored event of an aggregate's stream, as an auditor reads it. */
public record HistoryEntry(
        long sequence,
        String eventId,
        String type,
        String schemaRevision,
        Instant occurredAt,
        String actor,
        String actorRole,
        String correlationId,
        String causationId,
        String origin,
        JsonNode payload) {
}
