package com.upgradecoordination.platform.relay;

import com.upgradecoordination.events.EventContract;
import com.upgradecoordination.events.EventEnvelope;
import com.upgradecoordination.events.IntegrationEventCatalog;
import com.upgradecoordination.platform.axon.AuditMetadata;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import tools.jackson.databind.json.JsonMapper;

/** Wraps an outbound event in the shared envelope, taking identity and audit facts from the stored message. */
class EnvelopeFactory {

    private final String producer;
    private final JsonMapper jsonMapper;

    EnvelopeFactory(String producer, JsonMapper jsonMapper) {
        this.producer = producer;
        this.jsonMapper = jsonMapper;
    }

    /** The envelope of one of the event's payloads ({@link OutboundIntegrationEvent#payloads()}). */
    EventEnvelope envelope(EventMessage<?> message, String caseId, Record payload) {
        EventContract contract = IntegrationEventCatalog.contractOf(payload.getClass());
        AuditMetadata audit = AuditMetadata.from(message.getMetaData());
        String aggregateType = null;
        String aggregateId = null;
        long sequence = -1;
        if (message instanceof DomainEventMessage<?> domainMessage) {
            aggregateType = domainMessage.getType();
            aggregateId = domainMessage.getAggregateIdentifier();
            sequence = domainMessage.getSequenceNumber();
        }
        return new EventEnvelope(
                message.getIdentifier(),
                caseId,
                producer,
                aggregateType,
                aggregateId,
                sequence,
                contract.type(),
                contract.version(),
                message.getTimestamp(),
                audit.actor(),
                audit.correlationId(),
                audit.causationId(),
                audit.origin(),
                jsonMapper.valueToTree(payload));
    }
}
