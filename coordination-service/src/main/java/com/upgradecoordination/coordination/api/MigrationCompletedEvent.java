package com.upgradecoordination.coordination.api;

import org.axonframework.serialization.Revision;

@Revision("1")
public record MigrationCompletedEvent(String engagementId, int planVersion) implements EngagementEvent {
}
