package com.upgradecoordination.platform.relay;

import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * What a domain event becomes on Kafka: the case it belongs to and its contract payload
 * (a record annotated with {@link com.upgradecoordination.events.EventContract}), and, while a
 * contract's older version is deprecated but still published, the same event in that version.
 *
 * @param deprecatedVersions the event in deprecated contract versions; each goes out as its own
 *                           envelope with the same event id, after {@code payload}'s
 */
public record OutboundIntegrationEvent(String caseId, Record payload, List<Record> deprecatedVersions) {

    public OutboundIntegrationEvent {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(payload, "payload");
        deprecatedVersions = List.copyOf(deprecatedVersions);
    }

    public OutboundIntegrationEvent(String caseId, Record payload) {
        this(caseId, payload, List.of());
    }

    /** Every payload to publish, the newest version first. */
    public List<Record> payloads() {
        return Stream.concat(Stream.of(payload), deprecatedVersions.stream()).toList();
    }
}
