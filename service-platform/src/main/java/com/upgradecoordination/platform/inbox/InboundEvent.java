package com.upgradecoordination.platform.inbox;

import com.upgradecoordination.events.EventEnvelope;
import tools.jackson.databind.json.JsonMapper;

/**
 * One integration event while the inbox handles it: its envelope, its payload read as a contract,
 * and the commands it causes ({@link AuditedCommands}).
 */
public final class InboundEvent {

    private final EventEnvelope envelope;
    private final String source;
    private final JsonMapper jsonMapper;
    private final AuditedCommands commands;

    InboundEvent(EventEnvelope envelope, String source, JsonMapper jsonMapper, AuditedCommands commands) {
        this.envelope = envelope;
        this.source = source;
        this.jsonMapper = jsonMapper;
        this.commands = commands;
    }

    public EventEnvelope envelope() {
        return envelope;
    }

    /** Where the record was read: {@code topic-partition@offset}. */
    public String source() {
        return source;
    }

    /**
     * The payload read as {@code contract}. A payload that cannot be read throws Jackson's exception,
     * which the inbox records as REJECTED.
     */
    public <T> T payloadAs(Class<T> contract) {
        return jsonMapper.treeToValue(envelope.payload(), contract);
    }

    public AuditedCommands commands() {
        return commands;
    }
}
