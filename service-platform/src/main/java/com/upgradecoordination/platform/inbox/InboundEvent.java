package com.upgradecoordination.platform.inbox;

import com.upgradecoordination.events.EventEnvelope;
import tools.jackson.databind.json.JsonMapper;

/**
 * One integration event while the inbox handles it: its envelope, its payload read as a contract,
 * and the commands it causes ({@link AuditedCommands}).
 */
public final class InboundEvent {

    private final EventEnvelope envelope;
    private final JsonMapper jsonMapper;
    private final AuditedCommands commands;

    InboundEvent(EventEnvelope envelope, JsonMapper jsonMapper, AuditedCommands commands) {
        this.envelope = envelope;
        this.jsonMapper = jsonMapper;
        this.commands = commands;
    }

    public EventEnvelope envelope() {
        return envelope;
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
