package com.upgradecoordination.platform.relay;

import java.util.Objects;

/**
 * What a domain event becomes on Kafka: the case it belongs to and its contract payload
 * (a record annotated with {@link com.upgradecoordination.events.EventContract}).
 */
public record OutboundIntegrationEvent(String caseId, Record payload) {

    public OutboundIntegrationEvent {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(payload, "payload");
    }
}
