package com.upgradecoordination.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * The one JSON envelope of every record on every topic (SPEC A1, K1).
 *
 * @param eventId           unique id of the event (shared by its envelopes while a deprecated version is
 *                          published next to the newest); consumers deduplicate on it
 * @param caseId            the upgrade case (engagement) the event belongs to; also the record key
 * @param producer          the service that wrote the event to its event store
 * @param aggregateType     the aggregate that emitted the event
 * @param aggregateId       that aggregate's id
 * @param aggregateSequence the event's position in the aggregate's stream
 * @param type              the payload's contract type, see {@link EventContract}
 * @param schemaVersion     the payload's contract version
 * @param occurredAt        when the event was stored
 * @param actor             who caused it
 * @param correlationId     the id shared by everything one original request caused
 * @param causationId       the id of the request or event that directly caused this event
 * @param origin            where the cause came from: an HTTP request line or a Kafka record
 * @param payload           the contract payload
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record EventEnvelope(
        String eventId,
        String caseId,
        String producer,
        String aggregateType,
        String aggregateId,
        long aggregateSequence,
        String type,
        int schemaVersion,
        Instant occurredAt,
        Actor actor,
        String correlationId,
        String causationId,
        String origin,
        JsonNode payload) {

    public EventEnvelope {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(payload, "payload");
    }

    /**
     * Whether the payload is {@code contract}: its type and its version. While a deprecated version is
     * still published, one event travels as two envelopes (same event id, one per version), and a
     * consumer names the version it reads.
     */
    public boolean isOfType(Class<?> contract) {
        EventContract annotation = IntegrationEventCatalog.contractOf(contract);
        return annotation.type().equals(type) && annotation.version() == schemaVersion;
    }
}
