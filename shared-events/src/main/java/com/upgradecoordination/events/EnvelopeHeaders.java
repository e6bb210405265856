package com.upgradecoordination.events;

import java.nio.charset.StandardCharsets;

/**
 * The Kafka record headers that repeat an envelope's type and schema version (docs/kafka-contracts.md),
 * so a consumer can pass over the types it does not handle without parsing the value. The value
 * stays the contract: where the headers are missing (records relayed before 2026-12-01), read it.
 */
public final class EnvelopeHeaders {

    /** The envelope's {@code type}, UTF-8. */
    public static final String TYPE = "event_type";
    /** The envelope's {@code schemaVersion}, as decimal digits in UTF-8. */
    public static final String SCHEMA_VERSION = "event_schema_version";

    private EnvelopeHeaders() {
    }

    /** The value of {@link #TYPE} for this envelope. */
    public static byte[] typeOf(EventEnvelope envelope) {
        return envelope.type().getBytes(StandardCharsets.UTF_8);
    }

    /** The value of {@link #SCHEMA_VERSION} for this envelope. */
    public static byte[] schemaVersionOf(EventEnvelope envelope) {
        return Integer.toString(envelope.schemaVersion()).getBytes(StandardCharsets.UTF_8);
    }

    /** The key a consumer names a contract by: its type and version as the headers carry them. */
    public static String contractKey(String type, String schemaVersion) {
        return type + "/v" + schemaVersion;
    }

    /** {@link #contractKey(String, String)} of a contract class. */
    public static String contractKey(Class<?> contract) {
        EventContract annotation = IntegrationEventCatalog.contractOf(contract);
        return contractKey(annotation.type(), Integer.toString(annotation.version()));
    }
}
