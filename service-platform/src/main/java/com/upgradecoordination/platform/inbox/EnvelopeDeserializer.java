package com.upgradecoordination.platform.inbox;

import com.upgradecoordination.events.EnvelopeHeaders;
import com.upgradecoordination.events.EventEnvelope;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads a record's value as an envelope, unless its headers name a contract the listener does not
 * handle: then the value stays unread and the record arrives without one, which the listener
 * container filters out. Several listeners of a service read each topic, most for a few types (the
 * erasure listeners for one): parsing every record for each of them cost notification-service
 * about two fifths of its consumers' CPU under load (docs/performance.md).
 *
 * <p>Each consumer gets its own instance, configured with the consumer's properties: the listener's
 * contracts come as {@link #HANDLED_CONTRACTS}. Without that property, or without the headers
 * (records relayed before the headers existed), every value is read.
 */
final class EnvelopeDeserializer implements Deserializer<EventEnvelope> {

    /**
     * Consumer property: the contracts the listener handles, as {@link EnvelopeHeaders#contractKey}
     * separated by commas; absent for a listener of every event.
     */
    static final String HANDLED_CONTRACTS = "upgradecoordination.inbox.handled-contracts";

    private final Deserializer<EventEnvelope> json;
    private Set<String> handled;

    EnvelopeDeserializer(Deserializer<EventEnvelope> json) {
        this.json = json;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        json.configure(configs, isKey);
        Object contracts = configs.get(HANDLED_CONTRACTS);
        handled = contracts == null ? null : Set.of(contracts.toString().split(","));
    }

    @Override
    public EventEnvelope deserialize(String topic, byte[] data) {
        return json.deserialize(topic, data);
    }

    @Override
    public EventEnvelope deserialize(String topic, Headers headers, byte[] data) {
        if (handled != null && headers != null) {
            String type = text(headers.lastHeader(EnvelopeHeaders.TYPE));
            String version = text(headers.lastHeader(EnvelopeHeaders.SCHEMA_VERSION));
            if (type != null && version != null && !handled.contains(EnvelopeHeaders.contractKey(type, version))) {
                return null;
            }
        }
        return json.deserialize(topic, headers, data);
    }

    private static String text(Header header) {
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        json.close();
    }
}
