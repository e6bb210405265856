package com.upgradecoordination.platform.audit.chain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
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
 *
 * <p>The rows it reads give their timestamp by {@link StoredTimestamps} instead of Axon's
 * {@code DateTimeFormatter}: the same instant, at a fraction of the cost of every replay and rebuild.
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

    @Override
    protected DomainEventData<?> getDomainEventData(ResultSet resultSet) throws SQLException {
        return withStoredTimestamp(super.getDomainEventData(resultSet), resultSet);
    }

    @Override
    protected TrackedEventData<?> getTrackedEventData(ResultSet resultSet, GapAwareTrackingToken previousToken)
            throws SQLException {
        TrackedEventData<?> tracked = super.getTrackedEventData(resultSet, previousToken);
        return tracked instanceof TrackedDomainEventData<?> domain
                ? new TrackedDomainEventData<>(domain.trackingToken(), withStoredTimestamp(domain, resultSet))
                : tracked;
    }

    private <T> DomainEventData<T> withStoredTimestamp(DomainEventData<T> row, ResultSet resultSet)
            throws SQLException {
        return new StoredEventEntry<>(row, readTimeStamp(resultSet, schema().timestampColumn()).toString());
    }

    /** A row as Axon reads it, whose timestamp text is read by {@link StoredTimestamps}. */
    private static final class StoredEventEntry<T> extends GenericDomainEventEntry<T> {

        private final String timestamp;

        StoredEventEntry(DomainEventData<T> row, String timestamp) {
            this(row, row.getPayload(), row.getMetaData(), timestamp);
        }

        private StoredEventEntry(DomainEventData<T> row, SerializedObject<T> payload, SerializedObject<T> metadata,
                                 String timestamp) {
            super(row.getType(), row.getAggregateIdentifier(), row.getSequenceNumber(), row.getEventIdentifier(),
                    timestamp, payload.getType().getName(), payload.getType().getRevision(), payload.getData(),
                    metadata.getData());
            this.timestamp = timestamp;
        }

        @Override
        public Instant getTimestamp() {
            return StoredTimestamps.parse(timestamp);
        }
    }
}
