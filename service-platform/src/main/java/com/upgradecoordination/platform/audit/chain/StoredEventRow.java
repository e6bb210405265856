package com.upgradecoordination.platform.audit.chain;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * One row of Axon's {@code domainevententry} exactly as stored: the bytes a hash-chain link covers.
 * The global index is left out on purpose: it is assigned by the database and says nothing about
 * the event's content or its place in its aggregate's stream.
 */
record StoredEventRow(
        String eventIdentifier,
        String aggregateIdentifier,
        long sequenceNumber,
        String type,
        String timestamp,
        String payloadType,
        String payloadRevision,
        byte[] payload,
        byte[] metadata) {

    /**
     * The covered columns in their one order: the order {@link #from} reads them in and the order of a
     * link's column digests (changing it would change every link's hash).
     */
    static final List<String> COLUMN_NAMES = List.of("eventidentifier", "aggregateidentifier", "sequencenumber",
            "type", "timestamp", "payloadtype", "payloadrevision", "payload", "metadata");

    /** The select list {@link #from(ResultSet)} reads, in {@link #COLUMN_NAMES} order. */
    static final String COLUMNS = String.join(", ", COLUMN_NAMES);

    /** Reads a row selected as {@link #COLUMNS}, by position: no lookup of each column by its name. */
    static StoredEventRow from(ResultSet row) throws SQLException {
        return new StoredEventRow(
                row.getString(1),
                row.getString(2),
                row.getLong(3),
                row.getString(4),
                row.getString(5),
                row.getString(6),
                row.getString(7),
                row.getBytes(8),
                row.getBytes(9));
    }

    /** Each covered column's bytes, in {@link #COLUMN_NAMES} order; {@code null} for SQL NULL. */
    byte[][] columnValues() {
        return new byte[][] {
            utf8(eventIdentifier),
            utf8(aggregateIdentifier),
            utf8(Long.toString(sequenceNumber)),
            utf8(type),
            utf8(timestamp),
            utf8(payloadType),
            utf8(payloadRevision),
            payload,
            metadata};
    }

    private static byte[] utf8(String value) {
        return value == null ? null : value.getBytes(StandardCharsets.UTF_8);
    }
}
