package com.upgradecoordination.platform.audit.timeline;

import java.time.Instant;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * One event of a case as it travelled on a topic: the envelope's facts and its payload.
 * {@link #COLUMNS} is the stable column order of the CSV export.
 */
public record TimelineEntry(Instant occurredAt, String eventId, String caseId, String service, String type,
                            int schemaVersion, String aggregateType, String aggregateId, Long aggregateSequence,
                            String actor, String actorRole, String correlationId, String causationId,
                            String origin, JsonNode payload) {

    /** The CSV export's columns, in this order, forever: new columns only ever go at the end. */
    public static final List<String> COLUMNS = List.of("occurred_at", "event_id", "case_id", "service", "type",
            "schema_version", "aggregate_type", "aggregate_id", "aggregate_sequence", "actor", "actor_role",
            "correlation_id", "causation_id", "origin", "payload");

    /** The values of {@link #COLUMNS}, as text; the payload as compact JSON. */
    List<String> values() {
        return java.util.Arrays.asList(occurredAt.toString(), eventId, caseId, service, type,
                Integer.toString(schemaVersion), aggregateType, aggregateId,
                aggregateSequence == null ? null : aggregateSequence.toString(), actor, actorRole, correlationId,
                causationId, origin, payload.toString());
    }
}
