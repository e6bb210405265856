package com.upgradecoordination.platform.audit.chain;

import java.util.List;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;

/**
 * Axon's JDBC event storage, which chains every event it appends in the same transaction: an
 * event is never stored without its link, nor a link without its event.
 *
 * <p>A link covers the row as stored. Axon writes each column from the event message (the payload
 * and metadata as serialized for the insert, which the message keeps, and the timestamp as ISO
 * text), so the rows are taken from the messages instead of being read back: one round trip less
 * per command (issue 13). Verification reads the stored rows, so a difference would show at once.
 */
public class HashChainingEventStorageEngine extends JdbcEventStorageEngine {

    private final TransactionManager transactionManager;
    private final EventHashChain chain;
    private final CaseIds caseIds;

    public HashChainingEventStorageEngine(JdbcEventStorageEngine.Builder builder, TransactionManager transactionManager,
                                          EventHashChain chain, CaseIds caseIds) {
        super(builder);
        this.transactionManager = transactionManager;
        this.chain = chain;
        this.caseIds = caseIds;
    }

    @Override
    protected void appendEvents(List<? extends EventMessage<?>> events, Serializer serializer) {
        if (events.isEmpty()) {
            return;
        }
        // the store's own transaction handling joins this one
        transactionManager.executeInTransaction(() -> {
            super.appendEvents(events, serializer);
            chain.link(events.stream().map(event -> asStored(event, serializer)).toList(), caseIds.of(events));
        });
    }

    /**
     * The row Axon's append statement writes for this event (byte[] columns, timestamps as text); an
     * event of no aggregate is stored as Axon does, as the first event of a stream named by its id.
     */
    private static StoredEventRow asStored(EventMessage<?> event, Serializer serializer) {
        SerializedObject<byte[]> payload = event.serializePayload(serializer, byte[].class);
        SerializedObject<byte[]> metadata = event.serializeMetaData(serializer, byte[].class);
        String timestamp = DateTimeUtils.formatInstant(event.getTimestamp());
        if (event instanceof DomainEventMessage<?> domain) {
            return new StoredEventRow(domain.getIdentifier(), domain.getAggregateIdentifier(),
                    domain.getSequenceNumber(), domain.getType(), timestamp, payload.getType().getName(),
                    payload.getType().getRevision(), payload.getData(), metadata.getData());
        }
        return new StoredEventRow(event.getIdentifier(), event.getIdentifier(), 0, null, timestamp,
                payload.getType().getName(), payload.getType().getRevision(), payload.getData(), metadata.getData());
    }
}
