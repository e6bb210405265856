package com.upgradecoordination.platform.relay;

import java.util.Optional;

/**
 * Maps a service's domain events to integration events. Domain events stay internal; only what a
 * translator returns is published, so the Kafka contracts change only on purpose.
 */
@FunctionalInterface
public interface IntegrationEventTranslator {

    Optional<OutboundIntegrationEvent> translate(Object domainEvent);
}
