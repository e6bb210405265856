package com.upgradecoordination.platform.history;

import com.upgradecoordination.platform.axon.AuditMetadata;
import java.util.List;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import tools.jackson.databind.json.JsonMapper;

/** Reads an aggregate's full history straight from the event store (not from a projection). */
public class AggregateHistory {

    private static final String EVENT_SUFFIX = "Event";

    private final EventStore eventStore;
    private final JsonMapper jsonMapper;

    public AggregateHistory(EventStore eventStore, JsonMapper jsonMapper) {
        this.eventStore = eventStore;
        this.jsonMapper = jsonMapper;
    }

    /** The aggregate's events in sequence order; empty when no such aggregate exists. */
    public List<HistoryEntry> of(String aggregateId) {
        return eventStore.readEvents(aggregateId).asStream().map(this::entry).toList();
    }

    /** One stored event as an auditor reads it. */
    public HistoryEntry entry(DomainEventMessage<?> message) {
        AuditMetadata audit = AuditMetadata.from(message.getMetaData());
        String type = message.getPayloadType().getSimpleName();
        if (type.endsWith(EVENT_SUFFIX)) {
            type = type.substring(0, type.length() - EVENT_SUFFIX.length());
        }
        return new HistoryEntry(
                message.getSequenceNumber(),
                message.getIdentifier(),
                type,
                revisionOf(message.getPayloadType()),
                message.getTimestamp(),
                audit.actor().principal(),
                audit.actor().role(),
                audit.correlationId(),
                audit.causationId(),
                audit.origin(),
                jsonMapper.valueToTree(message.getPayload()));
    }

    private static String revisionOf(Class<?> payloadType) {
        org.axonframework.serialization.Revision revision =
                payloadType.getAnnotation(org.axonframework.serialization.Revision.class);
        return revision == null ? null : revision.value();
    }
}
