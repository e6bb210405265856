package com.upgradecoordination.platform.audit.chain;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

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

    /** The columns selected by {@link #from(ResultSet)}, in that order. */
    static final String COLUMNS = "eventidentifier, aggregateidentifier, sequencenumber, type, timestamp, "
            + "payloadtype, payloadrevision, payload, metadata";

    static StoredEventRow from(ResultSet row) throws SQLException {
        return new StoredEventRow(
                row.getString("eventidentifier"),
                row.getString("aggregateidentifier"),
                row.getLong("sequencenumber"),
                row.getString("type"),
                row.getString("timestamp"),
                row.getString("payloadtype"),
                row.getString("payloadrevision"),
                row.getBytes("payload"),
                row.getBytes("metadata"));
    }

    /** Each covered column's bytes by column name, in a fixed order; {@code null} for SQL NULL. */
    Map<String, byte[]> columns() {
        Map<String, byte[]> columns = new LinkedHashMap<>();
        columns.put("eventidentifier", utf8(eventIdentifier));
        columns.put("aggregateidentifier", utf8(aggregateIdentifier));
        columns.put("sequencenumber", utf8(Long.toString(sequenceNumber)));
        columns.put("type", utf8(type));
        columns.put("timestamp", utf8(timestamp));
        columns.put("payloadtype", utf8(payloadType));
        columns.put("payloadrevision", utf8(payloadRevision));
        columns.put("payload", payload);
        columns.put("metadata", metadata);
        return columns;
    }

    private static byte[] utf8(String value) {
        return value == null ? null : value.getBytes(StandardCharsets.UTF_8);
    }
}
