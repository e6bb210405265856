package com.upgradecoordination.coordination.api;

import org.axonframework.serialization.Revision;

@Revision("1")
public record MigrationStartedEvent(String engagementId, int planVersion) implements EngagementEvent {
}
